import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MatrixQuery } from '@campus/shared';
import { saveFile } from '@/lib/save-file';
import { useExportMatrix } from '../api/export-matrix';
import { useCentreToday } from '@/lib/centre-day';

/** The matrix as .xlsx with the filters and order on screen; a spinner while it is made, the error beside the button. */
export function ExportMatrixButton({ query }: { query: Omit<MatrixQuery, 'limit' | 'offset' | 'schoolId'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportMatrix = useExportMatrix();
  const today = useCentreToday();
  const [error, setError] = useState<string>();

  async function download() {
    setError(undefined);
    try {
      const blob = await exportMatrix.mutateAsync(query);
      const fileName = t('supplies.export.fileName', { day: today });
      saveFile(blob, fileName);
      void message.success(t('supplies.export.done', { fileName }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <>
      <Button icon={<DownloadOutlined aria-hidden />} loading={exportMatrix.isPending} onClick={() => void download()}>
        {exportMatrix.isPending ? t('supplies.export.working') : t('supplies.export.button')}
      </Button>
      {error ? <Alert type="error" showIcon title={t('supplies.export.failed')} description={error} role="alert" className="export-error" /> : null}
    </>
  );
}
