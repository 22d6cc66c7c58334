import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportCountsOf, type ReportCounts, type Worklist } from '@campus/shared';
import { useFileClassReport } from '@/features/daily-reports';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useOneAtATime } from '@/lib/use-one-at-a-time';

const COUNT_KEYS: (keyof ReportCounts)[] = ['total', 'reached', 'unreached', 'exceptions', 'inQuarantine', 'outsideCity', 'notStudying'];

/** The counts a report carries, as a small table. */
export function ReportCountsTable({ counts }: { counts: ReportCounts }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={{ xs: 2, sm: 4 }}>
      {COUNT_KEYS.map((key) => (
        <Descriptions.Item key={key} label={t(`followUps.report.counts.${key}`)}>
          {counts[key]}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * The class report of the day: filed (by whom, when, late, zero) or the way
 * to file it — refused while anyone is still uncontacted, as the server refuses it.
 */
export function ClassReportPanel({ worklist }: { worklist: Worklist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const counts = reportCountsOf(worklist.items);

  if (worklist.report) {
    const report = worklist.report;
    return (
      <Alert
        className="section"
        type={report.late ? 'warning' : 'success'}
        showIcon
        title={
          <>
            {report.late ? t('followUps.report.filedLate') : t('followUps.report.filed')}
            {counts.exceptions === 0 ? <Tag className="tag-ok report-zero-tag">{t('followUps.report.zero')}</Tag> : null}
          </>
        }
        description={
          <>
            {t('followUps.report.filedBy', { name: report.filedByName, time: formatDateTime(report.filedAt, language, me.centre.timeZone) })}
            <br />
            {t('followUps.report.correctionHint')}
          </>
        }
      />
    );
  }

  const zero = counts.exceptions === 0;
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
      {open ? <FileClassReportModal worklist={worklist} counts={counts} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function FileClassReportModal({ worklist, counts, onClose }: { worklist: Worklist; counts: ReturnType<typeof reportCountsOf>; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const fileReport = useFileClassReport();
  const zero = counts.exceptions === 0;

  // A second tap (or Enter in the note) while the report is being filed is ignored.
  const once = useOneAtATime();
  const submit = () =>
    once(() =>
      fileReport.mutateAsync({ classId: worklist.classId!, day: worklist.day, note }).then(() => {
        void message.success(t('followUps.report.done'));
        onClose();
      }),
    );

  return (
    <Modal
      open
      title={t('followUps.report.fileTitle', { day: formatDate(`${worklist.day}T12:00:00Z`, language) })}
      okText={zero ? t('followUps.report.fileZero') : t('followUps.report.confirm')}
      cancelText={t('common.cancel')}
      onOk={submit}
      okButtonProps={{ disabled: fileReport.isPending, loading: fileReport.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{zero ? t('followUps.report.zeroHint') : t('followUps.report.exceptionHint', { count: counts.exceptions })}</Typography.Paragraph>
      <ReportCountsTable counts={counts} />
      <Form layout="vertical" className="section" onFinish={submit}>
        <Form.Item label={t('followUps.report.note')} htmlFor="class-report-note">
          <Input.TextArea id="class-report-note" value={note} maxLength={500} rows={2} placeholder={t('followUps.report.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
        </Form.Item>
      </Form>
      {fileReport.isError ? <Alert type="error" showIcon title={fileReport.error.message} /> : null}
    </Modal>
  );
}
