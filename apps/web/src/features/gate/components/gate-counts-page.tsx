import { useState } from 'react';
import { Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GateCountsGrid } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { formatMonthDay } from '@/features/daily-reports';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useGateCounts } from '../api/gate-book';
import { gateCan } from '../permissions';
import { GateAlertsCard } from './gate-alerts-card';
import './gate.css';

type Row = GateCountsGrid['schools'][number];

/** 校门统计 (centre, observers): visitors and refusals per school per day, and the fevers not yet seen. */
export default function GateCountsPage() {
  const me = useSession();
  if (!gateCan.counts(me.user.role)) return <ForbiddenResult />;
  return <GateCounts />;
}

function GateCounts() {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const [days, setDays] = useState(7);
  const counts = useGateCounts(undefined, days);
  const mayOpen = gateCan.book(me.user.role);

  return (
    <>
      <PageHeader title={t('gate.counts.title')} description={t('gate.counts.intro')} />
      <GateAlertsCard />
      <Segmented<number> value={days} onChange={setDays} options={[7, 14, 30].map((value) => ({ value, label: t('gate.counts.lastDays', { count: value }) }))} className="section" />
      <QueryState query={counts}>
        {(grid) => {
          const columns: TableColumnsType<Row> = [
            {
              title: t('gate.counts.school'),
              key: 'school',
              fixed: 'left',
              render: (_, school) => (
                <>
                  {mayOpen ? <Link to={`/gate/schools/${school.schoolId}/book`}>{school.name}</Link> : school.name}{' '}
                  <Tag className={school.closed ? 'tag-danger' : 'tag-ok'}>{school.closed ? t('gate.counts.closed') : t('gate.counts.open')}</Tag>
                </>
              ),
            },
            ...grid.days.map((day, index) => ({
              title: formatMonthDay(day, language),
              key: day,
              render: (_: unknown, school: Row) => {
                const cell = school.cells[index]!;
                const refused = cell.visitorsRefused + cell.peopleRefused;
                return (
                  <span className="gate-count-cell" aria-label={t('gate.counts.cell', { visitors: cell.visitors, refused, fever: cell.fever })}>
                    {cell.visitors}
                    {refused ? <span className="gate-count-refused"> / {t('gate.counts.refused')} {refused}</span> : null}
                    {cell.fever ? <Tag className="tag-danger">{t('gate.counts.fever')} {cell.fever}</Tag> : null}
                  </span>
                );
              },
            })),
          ];
          return (
            <Table<Row>
              aria-label={t('gate.counts.title')}
              rowKey={(school) => school.schoolId}
              columns={columns}
              dataSource={grid.schools}
              pagination={false}
              scroll={{ x: 'max-content' }}
              size="small"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('gate.counts.total')}</Table.Summary.Cell>
                  {grid.days.map((day, index) => {
                    const visitors = grid.schools.reduce((sum, school) => sum + school.cells[index]!.visitors, 0);
                    const refused = grid.schools.reduce((sum, school) => sum + school.cells[index]!.visitorsRefused + school.cells[index]!.peopleRefused, 0);
                    return (
                      <Table.Summary.Cell key={day} index={index + 1}>
                        <span className="gate-count-cell">
                          {visitors}
                          {refused ? <span className="gate-count-refused"> / {t('gate.counts.refused')} {refused}</span> : null}
                        </span>
                      </Table.Summary.Cell>
                    );
                  })}
                </Table.Summary.Row>
              )}
            />
          );
        }}
      </QueryState>
    </>
  );
}
