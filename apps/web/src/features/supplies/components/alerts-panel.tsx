import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupplyAlert } from '@campus/shared';
import { useSupplyAlerts } from '../api/get-alerts';
import { useQuantity } from './supply-format';

const SHOWN = 5;

interface SchoolAlerts {
  schoolId: string;
  label: string;
  alerts: SupplyAlert[];
}

/**
 * 预警: schools out of stock or under 3 days of cover, worst first, one line
 * per school naming its items ("口罩 断货、消毒液 可用 1.2 天"). The first five
 * schools show; the rest on request.
 */
export function AlertsPanel() {
  const { t } = useTranslation();
  const alerts = useSupplyAlerts();
  const { days } = useQuantity();
  const [all, setAll] = useState(false);
  if (!alerts.data) return null;
  const schools: SchoolAlerts[] = [];
  for (const alert of alerts.data.items) {
    let entry = schools.find((school) => school.schoolId === alert.schoolId);
    if (!entry) schools.push((entry = { schoolId: alert.schoolId, label: `${alert.schoolCode} ${alert.schoolName}`, alerts: [] }));
    entry.alerts.push(alert);
  }
  if (!schools.length) return <Alert type="success" showIcon title={t('supplies.alerts.none', { days: alerts.data.alertDays })} className="supply-alerts" />;
  const describe = (alert: SupplyAlert) =>
    alert.status === 'stock_out'
      ? t('supplies.alerts.out', { item: alert.itemName })
      : t('supplies.alerts.low', { item: alert.itemName, days: days(alert.daysLeft) });
  const shown = all ? schools : schools.slice(0, SHOWN);

  return (
    <section aria-labelledby="supply-alerts-title" className="supply-alerts-section">
      <Alert
        type="error"
        showIcon
        className="supply-alerts"
        title={
          <h2 id="supply-alerts-title" className="alerts-title">
            {t('supplies.alerts.title', { count: schools.length, days: alerts.data.alertDays })}
          </h2>
        }
        description={
          <>
            <ul className="alert-list">
              {shown.map((school) => (
                <li key={school.schoolId}>
                  <Link to={`/supplies/schools/${school.schoolId}`}>{school.label}</Link>
                  {t('supplies.alerts.separator')}
                  {school.alerts.map(describe).join(t('supplies.alerts.listSeparator'))}
                </li>
              ))}
            </ul>
            {schools.length > SHOWN ? (
              <Button onClick={() => setAll((value) => !value)} aria-expanded={all}>
                {all ? t('supplies.alerts.fewer') : t('supplies.alerts.more', { count: schools.length - SHOWN })}
              </Button>
            ) : null}
          </>
        }
      />
    </section>
  );
}
