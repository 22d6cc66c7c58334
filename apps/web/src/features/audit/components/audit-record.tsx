import { Link } from 'react-router';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditRecord } from '@campus/shared';
import { useClassLabel } from '@/features/classes';
import { useLanguage } from '@/lib/language';

interface Described {
  label: string;
  /** Where the record opens (the audit log is the centre's, and the centre may open every record). */
  to?: string;
}

/** The 记录 column: the record in words, linked to its page; a record that is gone says so. */
export function AuditRecordLabel({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const classLabel = useClassLabel();
  const record = entry.record;

  if (!record) {
    if (!entry.entity) return <>—</>;
    const entityKey = `auditRecords.entities.${entry.entity}`;
    return <>{i18n.exists(entityKey) ? t(entityKey as 'auditRecords.entities.User') : entry.entity}</>;
  }
  if (record.kind === 'missing') return <Typography.Text type="secondary">{t('auditRecords.missing')}</Typography.Text>;

  const day = (value: string) => {
    const [, month = '', date = ''] = value.split('-');
    return language === 'en' ? value : t('auditRecords.monthDay', { month: Number(month), day: Number(date) });
  };
  // A record in another school than the row's own names its school.
  const inSchool = (label: string, school: string) => (school === entry.schoolName ? label : t('auditRecords.withSchool', { school, label }));

  const described = describe(record);
  return described.to ? <Link to={described.to}>{described.label}</Link> : <>{described.label}</>;

  function describe(value: Exclude<AuditRecord, { kind: 'missing' }>): Described {
    switch (value.kind) {
      case 'person':
        return { label: value.name, to: `/people/${value.personId}` };
      case 'follow_up':
        return { label: t('auditRecords.followUp', { name: value.name, day: day(value.day) }), to: `/people/${value.personId}` };
      case 'daily_report': {
        const scope = value.class ? inSchool(classLabel(value.class.schoolKind, value.class.grade, value.class.name), value.schoolName) : value.schoolName;
        return { label: t('auditRecords.dailyReport', { scope, day: day(value.day) }), to: `/daily-reports/schools/${value.schoolId}?day=${value.day}` };
      }
      case 'case':
        return { label: t('auditRecords.case', { name: value.name }), to: `/cases/${value.caseId}` };
      case 'check_in':
        return { label: t('auditRecords.checkIn', { name: value.name, day: day(value.day) }), to: `/cases/${value.caseId}` };
      case 'school':
        return { label: value.name, to: `/schools/${value.schoolId}` };
      case 'class':
        return { label: inSchool(classLabel(value.class.schoolKind, value.class.grade, value.class.name), value.schoolName), to: `/classes/${value.classId}` };
      case 'account':
        return { label: t('auditRecords.account', { username: value.username }), to: `/accounts?q=${encodeURIComponent(value.username)}&disabled=1` };
      case 'census_category':
        return { label: t('auditRecords.censusCategory', { label: language === 'en' ? value.labelEn : value.label }), to: '/settings' };
      case 'settings':
        return { label: t('auditRecords.settings'), to: '/settings' };
      case 'supply_item':
        return { label: t('auditRecords.supplyItem', { name: value.name }), to: '/supplies/catalogue' };
      case 'supply_request':
        return { label: t('auditRecords.supplyRequest', { number: value.number, school: value.schoolName }), to: '/supplies/requests' };
      case 'transfer':
        return { label: t('auditRecords.transfer', { number: value.number, school: value.schoolName }), to: '/supplies/transfers' };
      case 'stock_movement':
        return {
          label: t('auditRecords.stockMovement', { item: value.itemName, holder: value.schoolName ?? t('auditRecords.centreStore') }),
          to: value.schoolId ? `/supplies/schools/${value.schoolId}` : '/supplies/store',
        };
      case 'supply_target':
        return { label: t('auditRecords.supplyTarget', { item: value.itemName, school: value.schoolName }), to: `/supplies/schools/${value.schoolId}` };
    }
  }
}
