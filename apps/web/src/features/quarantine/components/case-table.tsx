import { Flex, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { useCaseLabels } from './use-case-labels';

/** Today's check-in state as a tag (words and colour). */
export function CheckInTag({ state }: { state: CaseListItem['checkInState'] }) {
  const { t } = useTranslation();
  const className = state === 'done' ? 'tag-ok' : state === 'overdue' ? 'tag-danger' : 'tag-warn';
  return <Tag className={className}>{t(`quarantine.checkIn.${state}`)}</Tag>;
}

/** Cases as a table: who, why, day N of M, days left, today's check-in, flags; the name opens the case file. */
export function CaseTable({ cases, label, closed = false }: { cases: CaseListItem[]; label: string; closed?: boolean }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('quarantine.list.person'),
      key: 'person',
      render: (_, item) => <Link to={`/cases/${item.id}`}>{item.person.name}</Link>,
    },
    { title: t('quarantine.list.class'), key: 'class', render: (_, item) => labels.classOf(item.person) },
    { title: t('quarantine.list.reason'), key: 'reason', render: (_, item) => labels.reason(item.reason) },
    { title: t('quarantine.list.place'), key: 'place', render: (_, item) => labels.place(item.place) },
    { title: t('quarantine.list.days'), key: 'days', render: (_, item) => t('quarantine.file.dayOf', { day: item.day, of: item.of }) },
    closed
      ? {
          title: t('quarantine.list.outcome'),
          key: 'outcome',
          render: (_, item) => (
            <>
              {item.outcome ? labels.outcome(item.outcome) : ''}
              {item.returnedDay ? ` · ${t('quarantine.list.returned', { day: labels.day(item.returnedDay) })}` : ''}
            </>
          ),
        }
      : {
          title: t('quarantine.list.daysLeft'),
          key: 'left',
          render: (_, item) => (item.pastPlannedEnd ? <Tag className="tag-warn">{t('quarantine.list.pastEnd')}</Tag> : t('quarantine.list.daysLeftValue', { count: item.daysLeft })),
        },
    ...(closed
      ? []
      : [
          { title: t('quarantine.list.lead'), key: 'lead', render: (_: unknown, item: CaseListItem) => item.leadName ?? '—' },
          { title: t('quarantine.list.checkIn'), key: 'checkIn', render: (_: unknown, item: CaseListItem) => <CheckInTag state={item.checkInState} /> },
          {
            title: t('quarantine.list.flags'),
            key: 'flags',
            render: (_: unknown, item: CaseListItem) => (
              <>
                {item.needsHelp ? <Tag className="tag-warn">{t('quarantine.list.needsHelp')}</Tag> : null}
                {item.alert ? <Tag className="tag-danger">{t('quarantine.list.alert')}</Tag> : null}
              </>
            ),
          },
        ]),
  ];
  return (
    <DataList<CaseListItem>
      items={cases}
      rowKey={(item) => item.id}
      columns={columns}
      label={label}
      emptyText={t('quarantine.list.empty')}
      renderCard={(item) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Link to={`/cases/${item.id}`} className="card-title-link">
              {item.person.name}
            </Link>
            {closed ? null : <CheckInTag state={item.checkInState} />}
          </Flex>
          <span>
            {labels.classOf(item.person)} · {labels.reason(item.reason)} · {t('quarantine.file.dayOf', { day: item.day, of: item.of })}
          </span>
          <span>
            {closed
              ? `${item.outcome ? labels.outcome(item.outcome) : ''}${item.returnedDay ? ` · ${t('quarantine.list.returned', { day: labels.day(item.returnedDay) })}` : ''}`
              : item.pastPlannedEnd
                ? t('quarantine.list.pastEnd')
                : t('quarantine.list.daysLeftValue', { count: item.daysLeft })}
            {item.needsHelp ? <Tag className="tag-warn case-flag">{t('quarantine.list.needsHelp')}</Tag> : null}
            {item.alert ? <Tag className="tag-danger case-flag">{t('quarantine.list.alert')}</Tag> : null}
          </span>
        </Flex>
      )}
    />
  );
}
