import { Button, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonListItem } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { CategoryTag } from '@/features/census';
import { rosterTotalLabel, type usePeopleSearch } from '../api/search-people';
import { PersonFlags } from './person-flags';
import { usePersonClassLabel } from './use-person-class-label';

interface RosterListProps {
  query: ReturnType<typeof usePeopleSearch>;
  /** Every school in one list: show the school. */
  showSchool: boolean;
  emptyText: string;
}

/** The roster: a table on wide screens, cards on phones; "load more" pages on, the first page's total stays. */
export function RosterList({ query, showSchool, emptyText }: RosterListProps) {
  const { t } = useTranslation();
  const classLabel = usePersonClassLabel();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = rosterTotalLabel(query.data?.pages[0]);
  const className = (person: PersonListItem) => classLabel(person) ?? t('people.noClass');

  const nameLink = (person: PersonListItem, cardTitle = false) => (
    <Link to={`/people/${person.id}`} className={cardTitle ? 'card-title-link' : undefined}>
      {person.name}
    </Link>
  );

  const columns: TableColumnsType<PersonListItem> = [
    { title: t('people.columns.name'), key: 'name', render: (_value, person) => nameLink(person) },
    ...(showSchool ? [{ title: t('people.columns.school'), dataIndex: 'schoolName', key: 'schoolName' }] : []),
    { title: t('people.columns.class'), key: 'class', render: (_value, person) => className(person) },
    { title: t('people.columns.studentNumber'), key: 'studentNumber', render: (_value, person) => person.studentNumber ?? '' },
    { title: t('people.columns.kind'), key: 'kind', render: (_value, person) => t(`people.kind.${person.kind}`) },
    { title: t('people.columns.category'), key: 'category', render: (_value, person) => <CategoryTag category={person.category} /> },
    { title: t('people.columns.guardian'), key: 'guardian', render: (_value, person) => person.guardianName ?? '' },
    { title: t('people.columns.guardianPhone'), key: 'guardianPhone', render: (_value, person) => <span className="nowrap">{person.guardianPhone ?? ''}</span> },
    { title: t('people.columns.flags'), key: 'flags', render: (_value, person) => <PersonFlags person={person} /> },
  ];

  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const footer = items.length ? (
    <Flex className="list-footer" wrap gap={12} align="center" justify="space-between">
      <Typography.Text type="secondary" aria-live="polite">
        {total === null ? t('people.shownNoTotal', { shown: items.length }) : t('people.shown', { shown: items.length, total })}
      </Typography.Text>
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
    </Flex>
  ) : null;

  return (
    <DataList<PersonListItem>
      label={t('people.listLabel')}
      items={items}
      loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
      rowKey={(person) => person.id}
      columns={columns}
      emptyText={emptyText}
      paginate={false}
      footer={footer}
      renderCard={(person) => (
        <Space orientation="vertical" size={6} className="card-body">
          <Flex justify="space-between" align="start" gap={8}>
            {nameLink(person, true)}
            <CategoryTag category={person.category} />
          </Flex>
          <Typography.Text type="secondary">
            {[showSchool ? person.schoolName : null, className(person), t(`people.kind.${person.kind}`), person.studentNumber].filter(Boolean).join(' · ')}
          </Typography.Text>
          {person.guardianName || person.guardianPhone ? (
            <Typography.Text>
              {t('people.labelled', { label: t('people.columns.guardian'), value: [person.guardianName, person.guardianPhone].filter(Boolean).join(' ') })}
            </Typography.Text>
          ) : null}
          <PersonFlags person={person} />
        </Space>
      )}
    />
  );
}
