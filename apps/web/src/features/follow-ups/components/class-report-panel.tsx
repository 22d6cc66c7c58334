import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportCountsFrom } from '@campus/shared';
import { Banner, Button, Dialog, TextField, toast } from '@/components/phone';
import { ReportCounts } from '@/features/daily-reports';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { queueClassReport } from '@/lib/offline/outbox';
import { useSession } from '@/lib/session';
import type { ShownWorklist } from '../api/get-worklist';
import { ClassReportBadge } from './class-report-badge';

/**
 * The class report of the day: filed (by whom, when, late, what it was —
 * zero, or filed by the principal on the class's behalf with the number not
 * reached), waiting in the phone's outbox, or the way to file it — refused
 * while anyone is still uncontacted, as the server refuses it. Its figures
 * are the worklist's own counts, as the server will file them (`reportCountsFrom`).
 */
export function ClassReportPanel({ worklist }: { worklist: ShownWorklist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const counts = worklist.counts;

  if (worklist.report) {
    const report = worklist.report;
    const onBehalf = report.kind === 'on_behalf';
    return (
      <Banner
        className="section"
        tone={report.late || onBehalf ? 'warning' : 'success'}
        title={
          <>
            {onBehalf ? t('followUps.report.filedOnBehalf') : report.late ? t('followUps.report.filedLate') : t('followUps.report.filed')} <ClassReportBadge report={report} />
          </>
        }
      >
        {t('followUps.report.filedBy', { name: report.filedByName, time: formatDateTime(report.filedAt, language, me.centre.timeZone) })}
        <br />
        {onBehalf ? t('followUps.report.onBehalfHint', { count: report.unreached }) : t('followUps.report.correctionHint')}
      </Banner>
    );
  }
  if (worklist.queuedReport) {
    return <Banner className="section" tone={worklist.queuedReport === 'failed' ? 'error' : 'info'} role="status" title={t('followUps.outbox.queuedReport')} />;
  }

  const zero = counts.exception === 0 && counts.unreachable === 0;
  return (
    <section className="section report-panel" aria-labelledby="class-report-title">
      <h2 id="class-report-title" className="phone-section-title">
        {t('followUps.report.notFiled')}
      </h2>
      {counts.total === 0 ? null : counts.pending > 0 ? (
        <p className="phone-muted">{t('followUps.report.pendingBlock', { count: counts.pending })}</p>
      ) : (
        <Button variant="primary" block onClick={() => setOpen(true)}>
          {zero ? t('followUps.report.fileZero') : t('followUps.report.file')}
        </Button>
      )}
      {open ? <FileClassReportDialog worklist={worklist} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function FileClassReportDialog({ worklist, onClose }: { worklist: ShownWorklist; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const counts = reportCountsFrom(worklist.counts);
  const zero = counts.exceptions === 0 && counts.unreached === 0;
  const classId = worklist.classId ?? '';

  const submit = () => {
    if (saving) return;
    setSaving(true);
    // Kept on the phone first, sent after the calls before it (the server's rule decides when it arrives).
    queueClassReport({ listKey: `class:${classId}`, day: worklist.day, label: t('followUps.outbox.reportLabel'), input: { classId, day: worklist.day, note: note.trim() } }).then(
      () => {
        toast(navigator.onLine ? t('followUps.report.done') : t('followUps.outbox.queuedReport'), 'success');
        onClose();
      },
      (error: unknown) => {
        setSaving(false);
        toast(error instanceof Error ? error.message : String(error), 'error');
      },
    );
  };

  return (
    <Dialog
      open
      title={t('followUps.report.fileTitle', { day: formatDate(`${worklist.day}T12:00:00Z`, language) })}
      confirmLabel={zero ? t('followUps.report.fileZero') : t('followUps.report.confirm')}
      cancelLabel={t('common.cancel')}
      busy={saving}
      onConfirm={submit}
      onCancel={onClose}
    >
      <p>
        {zero
          ? t('followUps.report.zeroHint')
          : counts.exceptions
            ? t('followUps.report.exceptionHint', { count: counts.exceptions })
            : t('followUps.report.unreachedHint', { count: counts.unreached })}
      </p>
      <ReportCounts counts={counts} label={t('followUps.report.countsLabel')} />
      <TextField name="class-report-note" label={t('followUps.report.note')} value={note} onChange={setNote} multiline rows={2} maxLength={500} placeholder={t('followUps.report.notePlaceholder')} />
    </Dialog>
  );
}
