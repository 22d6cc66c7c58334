import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useCheckInsToday } from '../api/get-views';
import { CaseTable } from './case-table';
import './quarantine.css';

/** /cases/today — the cases of the user's teams still to check in today, overdue first. */
export default function CheckInsTodayPage() {
  const { t } = useTranslation();
  const today = useCheckInsToday();
  return (
    <>
      <PageHeader title={t('quarantine.today.title')} description={t('quarantine.today.description')} />
      <QueryState query={today}>
        {(data) =>
          data.counts.open === 0 ? (
            <Alert type="info" showIcon title={t('quarantine.today.none')} />
          ) : (
            <>
              <Typography.Paragraph strong>{t('quarantine.today.counts', data.counts)}</Typography.Paragraph>
              {data.items.length ? <CaseTable cases={data.items} label={t('quarantine.today.title')} /> : <Alert type="success" showIcon title={t('quarantine.today.allDone')} />}
            </>
          )
        }
      </QueryState>
    </>
  );
}
