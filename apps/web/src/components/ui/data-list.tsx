import type { Key, ReactNode } from 'react';
import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useIsPhone } from '@/lib/use-is-phone';
import { LoadingState } from './loading-state';

interface DataListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** Desktop: a table with these columns. */
  columns: TableColumnsType<T>;
  /** Phone (< 576 px): one card per item, so nothing scrolls sideways. */
  renderCard: (item: T) => ReactNode;
  /** Names the table / list for screen readers. */
  label: string;
  emptyText: string;
  loading?: boolean;
  footer?: ReactNode;
  /** Page the table by 50 (off when the caller loads more itself). */
  paginate?: boolean;
}

/** A table on wide screens, a list of cards on phones. */
export function DataList<T extends object>({ items, rowKey, columns, renderCard, label, emptyText, loading, footer, paginate = true }: DataListProps<T>) {
  const isPhone = useIsPhone();
  if (isPhone) {
    if (!items.length) return loading ? <LoadingState /> : <Empty description={emptyText} />;
    return (
      <>
        <ul className="card-list" aria-label={label}>
          {items.map((item) => (
            <li key={rowKey(item)}>
              <Card size="small">{renderCard(item)}</Card>
            </li>
          ))}
        </ul>
        {footer}
      </>
    );
  }
  return (
    <>
      <Table<T>
        aria-label={label}
        rowKey={(item) => rowKey(item)}
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={paginate && items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        scroll={{ x: 'max-content' }}
      />
      {footer}
    </>
  );
}
