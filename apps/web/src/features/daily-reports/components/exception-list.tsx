import { useState } from 'react';
import { Button, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExceptionItem, SchoolKind } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { useClassLabel } from '@/features/classes';
import { dailyReportCan } from '../permissions';
import { rosterCan } from '@/features/people';
import { OpenCaseModal, quarantineCan } from '@/features/quarantine';
import { useSession } from '@/lib/session';
import { formatTemperature, useSymptomLabels } from './exception-description';
import { HandlingModal } from './handling-modal';

interface ExceptionListProps {
  items: readonly ExceptionItem[];
  /** The school's kind per school id (kindergartens name their grades 小班 / 中班 / 大班). */
  kindOf: (schoolId: string) => SchoolKind | undefined;
  /** The centre's list across schools has a school column. */
  showSchool?: boolean;
  label: string;
  /** Said positively: nobody is unwell. */
  emptyText: string;
}

/** The day's exceptions (fever or symptoms) with what was done about each; principal and centre record the handling. */
export function ExceptionList({ items, kindOf, showSchool = false, label, emptyText }: ExceptionListProps) {
  const { t } = useTranslation();
  const me = useSession();
  const classLabel = useClassLabel();
  const symptomLabels = useSymptomLabels();
  const [handling, setHandling] = useState<ExceptionItem | null>(null);
  const [opening, setOpening] = useState<ExceptionItem | null>(null);
  const role = me.user.role;
  const canHandle = dailyReportCan.recordHandling(role);
  const feverThreshold = me.centre.feverThreshold;

  if (!items.length) {
    return (
      <p className="all-clear">
        <CheckCircleOutlined aria-hidden /> {emptyText}
      </p>
    );
  }

  const name = (item: ExceptionItem, className?: string) =>
    rosterCan.read(role) ? (
      <Link to={`/people/${item.personId}`} className={className}>
        {item.name}
      </Link>
    ) : (
      <span className={className}>{item.name}</span>
    );
  const group = (item: ExceptionItem) =>
    item.kind === 'staff' || item.grade === null ? t('dailyReports.exceptions.staff') : classLabel(kindOf(item.schoolId), item.grade, item.className ?? undefined);
  const temperature = (item: ExceptionItem) => {
    if (item.temperature === null) return <Typography.Text type="secondary">{t('dailyReports.exceptions.noTemperature')}</Typography.Text>;
    const text = formatTemperature(item.temperature);
    return item.temperature >= feverThreshold ? <strong className="fever">{text}</strong> : text;
  };
  const handlingNote = (item: ExceptionItem) =>
    item.handlingNote ? (
      <span className="handling-note">{item.handlingNote}</span>
    ) : (
      <Tag className="report-tag report-late">{t('dailyReports.exceptions.notHandled')}</Tag>
    );
  const action = (item: ExceptionItem) =>
    canHandle ? (
      <Flex wrap gap={8}>
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setHandling(item)} aria-label={t('dailyReports.handling.actionFor', { name: item.name })}>
          {t('dailyReports.handling.action')}
        </Button>
        {quarantineCan.open(role) ? (
          <Button onClick={() => setOpening(item)} aria-label={t('quarantine.actions.openFor', { name: item.name })}>
            {t('quarantine.actions.open')}
          </Button>
        ) : null}
      </Flex>
    ) : null;

  const columns: TableColumnsType<ExceptionItem> = [
    ...(showSchool ? [{ title: t('dailyReports.exceptions.school'), key: 'school', render: (_value: unknown, item: ExceptionItem) => item.schoolName }] : []),
    { title: t('dailyReports.exceptions.name'), key: 'name', render: (_value, item) => name(item) },
    { title: t('dailyReports.exceptions.class'), key: 'class', render: (_value, item) => <span className="nowrap">{group(item)}</span> },
    { title: t('dailyReports.exceptions.temperature'), key: 'temperature', render: (_value, item) => <span className="nowrap">{temperature(item)}</span> },
    { title: t('dailyReports.exceptions.symptoms'), key: 'symptoms', render: (_value, item) => symptomLabels(item.symptoms) || '—' },
    // Notes wrap in a bounded column instead of widening the table.
    { title: t('dailyReports.exceptions.note'), key: 'note', width: 150, render: (_value, item) => item.note ?? '—' },
    { title: t('dailyReports.exceptions.recordedBy'), key: 'recordedBy', render: (_value, item) => item.recordedByName },
    { title: t('dailyReports.exceptions.handling'), key: 'handling', width: 220, render: (_value, item) => handlingNote(item) },
    ...(canHandle ? [{ title: t('common.actions'), key: 'actions', render: (_value: unknown, item: ExceptionItem) => action(item) }] : []),
  ];

  return (
    <>
      <DataList
        items={items}
        rowKey={(item) => item.followUpId}
        columns={columns}
        label={label}
        emptyText={emptyText}
        renderCard={(item) => (
          <Space orientation="vertical" size={4} className="card-body">
            <Flex justify="space-between" align="center" gap={8} wrap>
              {name(item, 'card-title-link')}
              <span>{temperature(item)}</span>
            </Flex>
            <Typography.Text type="secondary">{[showSchool ? item.schoolName : null, group(item)].filter(Boolean).join(' · ')}</Typography.Text>
            <span>{[symptomLabels(item.symptoms), item.note].filter(Boolean).join(' · ')}</span>
            <Typography.Text type="secondary">{t('dailyReports.exceptions.recordedByValue', { name: item.recordedByName })}</Typography.Text>
            <div>
              <span className="card-label">{t('dailyReports.labelOf', { label: t('dailyReports.exceptions.handling') })}</span>
              {handlingNote(item)}
            </div>
            {action(item)}
          </Space>
        )}
      />
      {canHandle ? <HandlingModal item={handling} onClose={() => setHandling(null)} /> : null}
      {opening ? (
        <OpenCaseModal person={{ id: opening.personId, name: opening.name, schoolId: opening.schoolId }} fromFollowUpId={opening.followUpId} onClose={() => setOpening(null)} />
      ) : null}
    </>
  );
}
