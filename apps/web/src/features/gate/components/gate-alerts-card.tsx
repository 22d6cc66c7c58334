import { Alert, Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useGateAlerts, useMarkAlertSeen } from '../api/gate-book';
import { gateCan } from '../permissions';
import { RefusalTag } from './entry-list';

/**
 * Refusals at the gate not yet seen: the principal's school (every reason),
 * the centre's fevers of every school. Shown only when there is something to
 * see; "知道了" takes one off the list.
 */
export function GateAlertsCard({ showLink = false }: { showLink?: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const enabled = gateCan.alerts(me.user.role);
  const alerts = useGateAlerts(enabled);
  const seen = useMarkAlertSeen();
  const items = alerts.data?.items ?? [];
  if (!enabled || !items.length) return null;
  const township = !me.school;
  return (
    <section className="section" aria-labelledby="gate-alerts-title" data-testid="gate-alerts">
      <Alert
        type="error"
        showIcon
        title={
          <span id="gate-alerts-title">
            {township ? t('gate.alerts.centreTitle') : t('gate.alerts.title')} · {t('gate.alerts.count', { count: items.length })}
          </span>
        }
        description={
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="seen" size="small" loading={seen.isPending && seen.variables === item.id} onClick={() => seen.mutate(item.id)} aria-label={`${t('gate.alerts.seen')} ${item.name}`}>
                    {t('gate.alerts.seen')}
                  </Button>,
                ]}
              >
                <span>
                  {township ? `${item.schoolName} · ` : ''}
                  {item.day} {formatTime(item.inAt, me.centre.timeZone)} · {item.name} · {item.temperature.toFixed(1)}℃ <RefusalTag entry={item} />
                  {item.refusal === 'answer' && item.refusalDetail ? ` ${item.refusalDetail}` : ''}
                </span>
              </List.Item>
            )}
          />
        }
        action={showLink && me.school ? <Link to="/gate/book">{t('gate.alerts.open')}</Link> : undefined}
      />
    </section>
  );
}
