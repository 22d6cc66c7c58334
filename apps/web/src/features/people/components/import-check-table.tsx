import { useMemo, useState } from 'react';
import { Empty, Flex, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportCheck, ImportRow } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { useIsPhone } from '@/lib/use-is-phone';

const ACTIONS: ImportAction[] = ['add', 'update', 'unchanged', 'reject'];
const ACTION_CLASS: Record<ImportAction, string> = { add: 'tag-ok', update: 'tag-info', unchanged: 'tag-off', reject: 'tag-danger' };

/** The counts: 将新增 N / 将更新 N / 无变化 N / 不能导入 N. */
export function ImportCounts({ counts }: { counts: ImportCheck['counts'] }) {
  const { t } = useTranslation();
  return (
    <ul className="import-counts" aria-label={t('people.import.countsLabel')}>
      {ACTIONS.map((action) => (
        <li key={action} className={`import-count import-count-${action}`}>
          {t(`people.import.counts.${action}`, { count: counts[action] })}
        </li>
      ))}
    </ul>
  );
}

/** Row by row: what will happen to each row, and why a row cannot be imported. */
export function ImportCheckTable({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<ImportAction | 'all'>(() => (check.counts.reject ? 'reject' : 'all'));
  const rows = useMemo(() => (filter === 'all' ? check.rows : check.rows.filter((row) => row.action === filter)), [check.rows, filter]);
  const fieldLabel = (field: string) => {
    const key = `people.fields.${field}`;
    const label = t(key as 'people.fields.name');
    return label === key ? field : label;
  };

  const details = (row: ImportRow) => (
    <Space orientation="vertical" size={2}>
      {row.problems.map((problem, index) => (
        <Typography.Text key={`${problem.field}-${index}`} type="danger" className="import-problem">
          {/* The field's name, unless the message already says it ("缺少姓名"). */}
          {problem.field && problem.field !== '_' && !problem.message.includes(fieldLabel(problem.field))
            ? t('people.labelled', { label: fieldLabel(problem.field), value: problem.message })
            : problem.message}
        </Typography.Text>
      ))}
      {row.matchedBy ? <Typography.Text type="secondary">{t(`people.import.matchedBy.${row.matchedBy}`)}</Typography.Text> : null}
      {row.action === 'update' && row.changes.length ? <Typography.Text>{t('people.import.changes', { fields: row.changes.map(fieldLabel).join('、') })}</Typography.Text> : null}
      {row.notes.length ? <Typography.Text type="secondary">{t('people.import.normalised', { fields: row.notes.map(fieldLabel).join('、') })}</Typography.Text> : null}
    </Space>
  );
  const actionTag = (row: ImportRow) => <Tag className={ACTION_CLASS[row.action]}>{t(`people.import.action.${row.action}`)}</Tag>;

  const columns: TableColumnsType<ImportRow> = [
    { title: t('people.import.columns.row'), dataIndex: 'row', key: 'row', width: 72 },
    { title: t('people.import.columns.action'), key: 'action', width: 110, render: (_value, row) => actionTag(row) },
    { title: t('people.import.columns.name'), key: 'name', render: (_value, row) => <span className="nowrap">{row.name ?? ''}</span> },
    { title: t('people.import.columns.class'), key: 'class', render: (_value, row) => <span className="nowrap">{row.className ?? ''}</span> },
    { title: t('people.import.columns.details'), key: 'details', render: (_value, row) => details(row) },
  ];

  return (
    <div className="import-check">
      <Flex wrap gap={8} align="center" className="toolbar">
        <span id="import-filter-label" className="filter-label">
          {t('people.import.filter')}
        </span>
        <Segmented<ImportAction | 'all'>
          aria-labelledby="import-filter-label"
          className="import-filter"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('people.import.all', { count: check.rows.length }) },
            ...ACTIONS.map((action) => ({ value: action, label: `${t(`people.import.action.${action}`)} ${check.counts[action]}` })),
          ]}
        />
      </Flex>
      {isPhone ? null : (
        // Not the shared DataList: its table scrolls sideways to fit content; long reasons should wrap instead.
        <Table<ImportRow>
          aria-label={t('people.import.tableLabel')}
          rowKey={(row) => row.row}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty description={t('people.import.noRows')} /> }}
        />
      )}
      {isPhone ? (
        <DataList<ImportRow>
          label={t('people.import.tableLabel')}
          items={rows}
          rowKey={(row) => row.row}
          columns={columns}
          emptyText={t('people.import.noRows')}
          renderCard={(row) => (
            <Space orientation="vertical" size={4} className="card-body">
              <Flex justify="space-between" align="center" gap={8}>
                <strong>
                  {t('people.import.rowN', { row: row.row })} {row.name ?? ''}
                </strong>
                {actionTag(row)}
              </Flex>
              {row.className ? <Typography.Text type="secondary">{row.className}</Typography.Text> : null}
              {details(row)}
            </Space>
          )}
        />
      ) : null}
    </div>
  );
}
