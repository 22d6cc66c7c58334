import { useMemo } from 'react';
import { Button, Card, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SchoolRosterCounts, SchoolKind } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useCategoryLabel, useCensusCategories } from '@/features/census';
import { useIsPhone } from '@/lib/use-is-phone';
import { useCountsBySchool } from '../api/get-counts-by-school';
import { IdConflicts } from './id-conflicts';
import './people.css';

type SchoolRow = SchoolRosterCounts['items'][number];

/** Centre and observer: every school's roster counts side by side, with a totals row; a school opens its roster. The centre's ID number conflicts below. */
export function SchoolCounts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const counts = useCountsBySchool();
  return (
    <div className="people-page">
      <PageHeader
        title={t('people.overviewTitle')}
        description={t('people.overviewIntro')}
        extra={
          <Button icon={<SearchOutlined aria-hidden />} onClick={() => void navigate('/people?all=1')}>
            {t('people.searchAllSchools')}
          </Button>
        }
      />
      <QueryState query={counts}>{(data) => <CountsTable data={data} />}</QueryState>
      <IdConflicts />
    </div>
  );
}

function CountsTable({ data }: { data: SchoolRosterCounts }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const label = useCategoryLabel();
  const census = useCensusCategories();
  // Retired categories only when someone still has them.
  const categories = useMemo(
    () =>
      data.categories.filter((category) => {
        const used = data.items.some((row) => (row.byCategory[category.id] ?? 0) > 0);
        const active = census.data?.find((candidate) => candidate.id === category.id)?.active ?? true;
        return used || active;
      }),
    [data, census.data],
  );
  const totals = useMemo(
    () => ({
      total: data.items.reduce((sum, row) => sum + row.total, 0),
      students: data.items.reduce((sum, row) => sum + row.students, 0),
      staff: data.items.reduce((sum, row) => sum + row.staff, 0),
      byCategory: Object.fromEntries(categories.map((category) => [category.id, data.items.reduce((sum, row) => sum + (row.byCategory[category.id] ?? 0), 0)])),
    }),
    [data, categories],
  );
  const schoolLink = (row: SchoolRow, className?: string) => (
    <Link to={`/people?schoolId=${row.schoolId}`} className={className}>
      {row.name}
    </Link>
  );

  if (isPhone) {
    return (
      <ul className="card-list" aria-label={t('people.overviewTitle')}>
        <li>
          <Card size="small" className="totals-card">
            <Typography.Text strong>{t('common.all')}</Typography.Text>
            <p className="summary-main">
              <strong>{t('people.summary.total', { count: totals.total })}</strong>
              <span>{t('people.summary.students', { count: totals.students })}</span>
              <span>{t('people.summary.staff', { count: totals.staff })}</span>
            </p>
          </Card>
        </li>
        {data.items.map((row) => (
          <li key={row.schoolId}>
            <Card size="small">
              <Space orientation="vertical" size={4} className="card-body">
                <Flex justify="space-between" gap={8} align="center">
                  {schoolLink(row, 'card-title-link')}
                  <Typography.Text type="secondary">{t(`schoolKind.${row.kind as SchoolKind}`)}</Typography.Text>
                </Flex>
                <Typography.Text>
                  {[t('people.summary.total', { count: row.total }), t('people.summary.students', { count: row.students }), t('people.summary.staff', { count: row.staff })].join(' · ')}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {categories
                    .filter((category) => (row.byCategory[category.id] ?? 0) > 0)
                    .map((category) => `${label(category)} ${row.byCategory[category.id]}`)
                    .join(' · ')}
                </Typography.Text>
              </Space>
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<SchoolRow> = [
    { title: t('people.columns.school'), key: 'name', fixed: 'start', render: (_value, row) => schoolLink(row) },
    { title: t('schools.kind'), key: 'kind', render: (_value, row) => t(`schoolKind.${row.kind as SchoolKind}`) },
    { title: t('people.columns.total'), dataIndex: 'total', key: 'total', align: 'end' },
    { title: t('people.kind.student'), dataIndex: 'students', key: 'students', align: 'end' },
    { title: t('people.kind.staff'), dataIndex: 'staff', key: 'staff', align: 'end' },
    ...categories.map((category) => ({
      // Long category names ("与湖北(武汉)来往人员接触") wrap instead of widening the table.
      title: <span className="wrap-header">{label(category)}</span>,
      key: category.id,
      width: 84,
      align: 'end' as const,
      render: (_value: unknown, row: SchoolRow) => row.byCategory[category.id] ?? 0,
    })),
  ];

  return (
    <Table<SchoolRow>
      aria-label={t('people.overviewTitle')}
      rowKey={(row) => row.schoolId}
      columns={columns}
      dataSource={data.items}
      size="middle"
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="totals-row">
            <Table.Summary.Cell index={0}>
              <strong>{t('people.totalsRow')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
            <Table.Summary.Cell index={2} align="right">
              <strong>{totals.total}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {totals.students}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {totals.staff}
            </Table.Summary.Cell>
            {categories.map((category, index) => (
              <Table.Summary.Cell key={category.id} index={5 + index} align="right">
                {totals.byCategory[category.id]}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
