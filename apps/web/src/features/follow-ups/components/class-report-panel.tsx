import { useState } from 'react';
import { Alert, Form, Input, Typography, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassReportInput, reportBadge, reportCountsFrom, type Worklist } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { ReportCounts, ReportStatusTags, useFileClassReport } from '@/features/daily-reports';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';

/**
 * The class report of the day: filed (by whom, when, late, what it was —
 * zero, or filed by the principal on the class's behalf with the number not
 * reached) or the way to file it — refused while anyone is still uncontacted,
 * as the server refuses it. Its figures are the worklist's own counts, as the
 * server will file them (`reportCountsFrom`).
 */
export function ClassReportPanel({ worklist }: { worklist: Worklist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const counts = worklist.counts;

  if (worklist.report) {
    const report = worklist.report;
    const onBehalf = report.kind === 'on_behalf';
    return (
      <Alert
        className="section"
        type={report.late || onBehalf ? 'warning' : 'success'}
        showIcon
        title={
          <>
            {onBehalf ? t('followUps.report.filedOnBehalf') : report.late ? t('followUps.report.filedLate') : t('followUps.report.filed')}{' '}
            <ReportStatusTags badge={reportBadge(report.late ? 'late' : 'on_time', report)} />
          </>
        }
        description={
          <>
            {t('followUps.report.filedBy', { name: report.filedByName, time: formatDateTime(report.filedAt, language, me.centre.timeZone) })}
            <br />
            {onBehalf ? t('followUps.report.onBehalfHint', { count: report.unreached }) : t('followUps.report.correctionHint')}
          </>
        }
      />
    );
  }

  const zero = counts.exception === 0 && counts.unreachable === 0;
  return (
    <section className="section report-panel" aria-labelledby="class-report-title">
      <Typography.Title level={2} id="class-report-title" className="section-title">
        {t('followUps.report.notFiled')}
      </Typography.Title>
      {counts.total === 0 ? null : counts.pending > 0 ? (
        <Typography.Paragraph type="secondary">{t('followUps.report.pendingBlock', { count: counts.pending })}</Typography.Paragraph>
      ) : (
        <Button type="primary" size="large" block onClick={() => setOpen(true)}>
          {zero ? t('followUps.report.fileZero') : t('followUps.report.file')}
        </Button>
      )}
      {open ? <FileClassReportModal worklist={worklist} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function FileClassReportModal({ worklist, onClose }: { worklist: Worklist; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fileReport = useFileClassReport();
  const counts = reportCountsFrom(worklist.counts);
  const zero = counts.exceptions === 0 && counts.unreached === 0;

  return (
    <FormModal<{ note?: string }, typeof ClassReportInput>
      title={t('followUps.report.fileTitle', { day: formatDate(`${worklist.day}T12:00:00Z`, language) })}
      okText={zero ? t('followUps.report.fileZero') : t('followUps.report.confirm')}
      cancelText={t('common.cancel')}
      schema={ClassReportInput}
      toInput={(values) => ({ classId: worklist.classId, day: worklist.day, note: values.note ?? '' })}
      send={(input) => fileReport.mutateAsync(input)}
      success={() => t('followUps.report.done')}
      onClose={onClose}
      name="class-report"
      intro={
        <>
          <Typography.Paragraph>
            {zero
              ? t('followUps.report.zeroHint')
              : counts.exceptions
                ? t('followUps.report.exceptionHint', { count: counts.exceptions })
                : t('followUps.report.unreachedHint', { count: counts.unreached })}
          </Typography.Paragraph>
          <ReportCounts counts={counts} label={t('followUps.report.countsLabel')} />
        </>
      }
    >
      <Form.Item name="note" label={t('followUps.report.note')} className="section">
        <Input.TextArea maxLength={500} rows={2} placeholder={t('followUps.report.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
