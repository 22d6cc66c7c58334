import { useState } from 'react';
import { Alert, App, Button, DatePicker, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { saveFile } from '@/lib/save-file';
import { useExportDailyReport } from '../api/export-daily-report';

/**
 * The day's report as .xlsx (township summary + one sheet per school), the
 * shape the centre sends up to the district. Pick a day (default today); a
 * spinner while the file is made; an error stays in the dialog.
 */
export function ExportReportButton({ today }: { today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportReport = useExportDailyReport();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(today);
  const [error, setError] = useState<string>();

  async function download() {
    setError(undefined);
    try {
      const blob = await exportReport.mutateAsync(day);
      const fileName = t('dailyReports.export.fileName', { day });
      saveFile(blob, fileName);
      void message.success(t('dailyReports.export.done', { fileName }));
      setOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={exportReport.isPending}
        onClick={() => {
          setDay(today);
          setError(undefined);
          setOpen(true);
        }}
      >
        {t('dailyReports.export.button')}
      </Button>
      <Modal
        open={open}
        title={t('dailyReports.export.title')}
        okText={t('dailyReports.export.submit')}
        cancelText={t('common.cancel')}
        onOk={() => void download()}
        onCancel={() => setOpen(false)}
        confirmLoading={exportReport.isPending}
        okButtonProps={{ icon: <DownloadOutlined aria-hidden /> }}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon title={t('dailyReports.export.failed')} description={error} role="alert" className="form-alert" /> : null}
        <Typography.Paragraph>{t('dailyReports.export.intro')}</Typography.Paragraph>
        {/* No form around the day: Enter in the date field confirms the date, it does not start the export. */}
        <div className="filter-field">
          <label htmlFor="export-day" className="filter-label">
            {t('dailyReports.export.day')}
          </label>
          <DatePicker
            id="export-day"
            value={dayjs(day)}
            format={t('common.dateInputFormat')}
            allowClear={false}
            disabledDate={(candidate: Dayjs) => candidate.format('YYYY-MM-DD') > today}
            onChange={(value: Dayjs | null) => {
              if (value) setDay(value.format('YYYY-MM-DD'));
            }}
            className="full-width"
          />
        </div>
        {exportReport.isPending ? (
          <Typography.Paragraph type="secondary" role="status">
            {t('dailyReports.export.working')}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </>
  );
}
