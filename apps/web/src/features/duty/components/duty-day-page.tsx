import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Tag } from 'antd';
import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DutyDayView } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { DayPicker, useDayParam } from '@/features/daily-reports';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useDutyDay } from '../api/duty-day';
import { dutyCan } from '../permissions';
import { DutyReportForm } from './duty-report-form';
import { DutyReportView } from './duty-report-view';
import '@/components/ui/picture-picker.css';
import './duty.css';

/** A school's duty day (`/duty`: the actor's school; `/duty/schools/:schoolId`: the centre opening one). */
export default function DutyDayPage() {
  const me = useSession();
  const params = useParams();
  const schoolId = params.schoolId ?? me.school?.id;
  if (!dutyCan.read(me.user.role)) return <ForbiddenResult />;
  if (!schoolId) return <NotFoundResult />;
  return <DutyDay schoolId={schoolId} />;
}

function DutyDay({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const [day, setDay, today] = useDayParam();
  const query = useDutyDay(schoolId, day === today ? undefined : day);
  return (
    <>
      <PageHeader
        title={t('duty.day.title')}
        description={t('duty.day.intro')}
        extra={
          dutyCan.roster(me, schoolId) ? (
            <Link to="/duty/roster">
              <Button icon={<CalendarOutlined aria-hidden />}>{t('duty.day.roster')}</Button>
            </Link>
          ) : null
        }
      />
      <DayPicker id="duty-day" label={t('dailyReports.day.label')} day={day} today={today} onChange={setDay} />
      <QueryState query={query}>{(view) => <DutyDayBody key={`${view.school.id}|${view.day}`} view={view} />}</QueryState>
    </>
  );
}

function DutyDayBody({ view }: { view: DutyDayView }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const mayFile = dutyCan.file(me, view.school.id);
  // the moment the day was loaded (refetched on focus), not a clock ticking during render
  const [loadedAt] = useState(() => Date.now());
  const overdue = !view.report && loadedAt > new Date(view.deadline).getTime();
  const deadline = formatDateTime(view.deadline, language, me.centre.timeZone);

  return (
    <>
      <h2 className="section-title duty-school">{view.school.name}</h2>
      <Descriptions bordered size="small" column={isPhone ? 1 : 2} className="section">
        {view.assignment ? (
          <>
            <Descriptions.Item label={t('duty.day.onDuty')}>{view.assignment.dutyName}</Descriptions.Item>
            <Descriptions.Item label={t('duty.day.leader')}>{view.assignment.leaderName}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('duty.day.onDuty')}>{t('duty.day.noAssignment')}</Descriptions.Item>
        )}
      </Descriptions>
      <p className="duty-status" role="status">
        {view.report ? (
          <Tag color={view.report.late ? 'orange' : 'green'}>{view.report.late ? t('duty.day.filedLate') : t('duty.grid.status.on_time')}</Tag>
        ) : overdue ? (
          <Tag color="red">{t('duty.day.missing')}</Tag>
        ) : (
          <Tag>{t('duty.day.notFiled')}</Tag>
        )}
        <span>{t('duty.day.deadline', { time: deadline })}</span>
      </p>
      {overdue && mayFile ? <Alert type="warning" showIcon title={t('duty.day.missing')} className="section" /> : null}

      {view.report && !editing ? (
        <>
          <DutyReportView report={view.report} />
          {mayFile ? (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} className="section">
              {t('duty.day.edit')}
            </Button>
          ) : null}
        </>
      ) : mayFile ? (
        <>
          <DutyReportForm view={view} onDone={() => setEditing(false)} />
          {editing ? (
            <Button type="link" onClick={() => setEditing(false)}>
              {t('duty.day.cancelEdit')}
            </Button>
          ) : null}
        </>
      ) : (
        <Empty description={overdue ? t('duty.day.missing') : t('duty.day.notFiled')} />
      )}
    </>
  );
}
