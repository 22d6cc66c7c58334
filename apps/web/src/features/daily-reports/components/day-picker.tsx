import { Button, DatePicker, Flex } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addDays } from '@campus/shared';

interface DayPickerProps {
  id: string;
  label: string;
  day: string;
  today: string;
  onChange: (day: string) => void;
}

/** A day up to today (never the future), with one-day steps and a "today" button. */
export function DayPicker({ id, label, day, today, onChange }: DayPickerProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" className="day-picker">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <Flex gap={8} align="center" className="day-picker-controls">
        <Button icon={<LeftOutlined aria-hidden />} aria-label={t('dailyReports.day.previous')} title={t('dailyReports.day.previous')} onClick={() => onChange(addDays(day, -1))} />
        <DatePicker
          id={id}
          value={dayjs(day)}
          format={t('common.dateInputFormat')}
          allowClear={false}
          disabledDate={(candidate: Dayjs) => candidate.format('YYYY-MM-DD') > today}
          onChange={(value: Dayjs | null) => {
            if (value) onChange(value.format('YYYY-MM-DD'));
          }}
          className="day-picker-input"
        />
        <Button
          icon={<RightOutlined aria-hidden />}
          aria-label={t('dailyReports.day.next')}
          title={t('dailyReports.day.next')}
          disabled={day >= today}
          onClick={() => onChange(addDays(day, 1))}
        />
        <Button onClick={() => onChange(today)} disabled={day === today}>
          {t('dailyReports.day.today')}
        </Button>
      </Flex>
    </Flex>
  );
}
