import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { centreToday, type PersonFilters } from '@campus/shared';
import { saveFile } from '@/lib/save-file';
import { useSession } from '@/lib/session';
import { useExportRoster } from '../api/export-roster';
import { rosterCan } from '../permissions';

/**
 * Exports the roster with the current filters to .xlsx. Everyone gets masked
 * ID numbers; the centre may ask for full ones (audited as such), in a dialog.
 */
export function ExportButton({ filters, total }: { filters: PersonFilters; total: string | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message, modal } = App.useApp();
  const exportRoster = useExportRoster();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [fullIdNumbers, setFullIdNumbers] = useState(false);
  const offerFull = rosterCan.exportFullIdNumbers(me.user.role);

  async function download(full: boolean) {
    try {
      const blob = await exportRoster.mutateAsync({ ...filters, fullIdNumbers: full });
      const fileName = t('people.exportDialog.fileName', { day: centreToday(me.centre) });
      saveFile(blob, fileName);
      void message.success(t('people.exportDialog.done', { fileName }));
      setDialogOpen(false);
    } catch (error) {
      modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
    }
  }

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={exportRoster.isPending && !dialogOpen}
        onClick={() => {
          if (!offerFull) return void download(false);
          setFullIdNumbers(false);
          setDialogOpen(true);
        }}
      >
        {t('people.export')}
      </Button>
      {offerFull ? (
        <Modal
          open={dialogOpen}
          title={t('people.exportDialog.title')}
          okText={t('people.exportDialog.submit')}
          cancelText={t('common.cancel')}
          onOk={() => void download(fullIdNumbers)}
          onCancel={() => setDialogOpen(false)}
          confirmLoading={exportRoster.isPending}
        >
          <Typography.Paragraph>{t('people.exportDialog.intro', { total: total ?? '0' })}</Typography.Paragraph>
          <Checkbox checked={fullIdNumbers} onChange={(event) => setFullIdNumbers(event.target.checked)} className="tall-check">
            {t('people.exportDialog.fullIdNumbers')}
          </Checkbox>
          <Alert type="warning" showIcon title={t('people.exportDialog.fullIdNumbersNote')} className="export-note" />
        </Modal>
      ) : null}
    </>
  );
}
