import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { instantOfDay } from '@campus/shared';
import { useCentreToday } from '@/lib/centre-day';
import { useSession } from '@/lib/session';

/**
 * When it happened: a day (default today, never in the future). Today books
 * at the moment of saving; an earlier day at noon of that day in the centre's
 * time zone, so it lands on that day's use.
 */
export function useOccurredAt() {
  const me = useSession();
  const today = useCentreToday();
  return (day: Dayjs | null | undefined): string | undefined => {
    const value = day?.format('YYYY-MM-DD');
    if (!value || value >= today) return undefined;
    return instantOfDay(value, me.centre.timeZone, 12 * 60).toISOString();
  };
}

export function OccurredDayField({ name = 'occurredDay', label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  const today = useCentreToday();
  return (
    <Form.Item name={name} label={label ?? t('supplies.form.occurredDay')} extra={t('supplies.form.occurredDayHelp')}>
      <DatePicker format={t('common.dateInputFormat')} allowClear={false} disabledDate={(candidate: Dayjs) => candidate.format('YYYY-MM-DD') > today} className="full-width" />
    </Form.Item>
  );
}
