import { useState, type ReactNode } from 'react';
import { Button, Input, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DeviceAccess, PersonKind, PersonSort, PersonStatus, Whereabouts, type Role } from '@campus/shared';
import { CategorySelect } from '@/features/census';
import { useClasses } from '@/features/classes';
import { useIsPhone } from '@/lib/use-is-phone';
import { hasFilters, type RosterParams } from './use-roster-params';
import { usePersonClassLabel } from './use-person-class-label';

interface RosterFiltersProps {
  params: RosterParams;
  onChange: (patch: Partial<RosterParams>) => void;
  /** The school whose classes can be picked; none = every school (no class filter). */
  schoolId?: string;
  role: Role;
  search: string;
  onSearch: (text: string) => void;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter-field">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * Search (汉字, pinyin, initials or number), class, kind, census category,
 * whereabouts, left-behind, device, status and sort. On phones everything but
 * the search box and the sort folds away behind a button.
 */
export function RosterFilters({ params, onChange, schoolId, role, search, onSearch }: RosterFiltersProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const classes = useClasses({ schoolId, includeInactive: false });
  const classLabel = usePersonClassLabel();
  const showMore = !isPhone || expanded;
  const any = { value: '', label: t('people.filters.any') };
  const yesNo = [
    { value: 'true', label: t('people.filters.yes') },
    { value: 'false', label: t('people.filters.no') },
  ];
  const classOptions = (classes.data ?? []).map((schoolClass) => ({
    value: schoolClass.id,
    label: classLabel({ schoolId: schoolClass.schoolId, grade: schoolClass.grade, className: schoolClass.name }) ?? schoolClass.name,
  }));

  return (
    <form className="filters roster-filters" aria-label={t('people.filters.label')} role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="filter-field filter-search">
        <label htmlFor="roster-search" className="filter-label">
          {t('people.filters.search')}
        </label>
        <Input.Search
          id="roster-search"
          type="search"
          value={search}
          allowClear
          maxLength={40}
          autoComplete="off"
          placeholder={t('people.filters.searchPlaceholder')}
          onChange={(event) => onSearch(event.target.value)}
          onSearch={(value) => onSearch(value)}
        />
      </div>
      <Field id="roster-sort" label={t('people.filters.sort')}>
        <Select<string>
          id="roster-sort"
          value={params.sort}
          options={PersonSort.options.map((sort) => ({ value: sort, label: t(`people.sort.${sort}`) }))}
          onChange={(value) => onChange({ sort: PersonSort.parse(value) })}
        />
      </Field>
      {isPhone ? (
        <div className="filter-field filter-toggle">
          <Button icon={<FilterOutlined aria-hidden />} aria-expanded={expanded} aria-controls="roster-more-filters" onClick={() => setExpanded((open) => !open)} block>
            {expanded ? t('people.filters.fewer') : t('people.filters.more')}
            {!expanded && hasFilters(params) ? ' •' : ''}
          </Button>
        </div>
      ) : null}
      {showMore ? (
        <div id="roster-more-filters" className="filters-more">
          {schoolId ? (
            <Field id="roster-class" label={t('people.filters.class')}>
              <Select<string>
                id="roster-class"
                value={params.classId ?? ''}
                loading={classes.isPending}
                options={[{ value: '', label: t('people.filters.allClasses') }, ...classOptions]}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(value) => onChange({ classId: value || undefined })}
              />
            </Field>
          ) : null}
          {role !== 'class_teacher' ? (
            <Field id="roster-kind" label={t('people.filters.kind')}>
              <Select<string>
                id="roster-kind"
                value={params.kind ?? ''}
                options={[any, ...PersonKind.options.map((kind) => ({ value: kind, label: t(`people.kind.${kind}`) }))]}
                onChange={(value) => onChange({ kind: value ? PersonKind.parse(value) : undefined })}
              />
            </Field>
          ) : null}
          <Field id="roster-category" label={t('people.filters.category')}>
            <CategorySelect
              id="roster-category"
              includeRetired
              allLabel={t('people.filters.any')}
              value={params.categoryId ?? ''}
              onChange={(value) => onChange({ categoryId: value || undefined })}
            />
          </Field>
          <Field id="roster-whereabouts" label={t('people.filters.whereabouts')}>
            <Select<string>
              id="roster-whereabouts"
              value={params.whereabouts ?? ''}
              options={[any, ...Whereabouts.options.map((value) => ({ value, label: t(`people.whereabouts.${value}`) }))]}
              onChange={(value) => onChange({ whereabouts: value ? Whereabouts.parse(value) : undefined })}
            />
          </Field>
          <Field id="roster-left-behind" label={t('people.filters.leftBehind')}>
            <Select<string>
              id="roster-left-behind"
              value={params.leftBehind === undefined ? '' : String(params.leftBehind)}
              options={[any, ...yesNo]}
              onChange={(value) => onChange({ leftBehind: value ? value === 'true' : undefined })}
            />
          </Field>
          <Field id="roster-device" label={t('people.filters.deviceAccess')}>
            <Select<string>
              id="roster-device"
              value={params.deviceAccess ?? ''}
              options={[any, ...DeviceAccess.options.map((value) => ({ value, label: t(`people.deviceAccess.${value}`) }))]}
              onChange={(value) => onChange({ deviceAccess: value ? DeviceAccess.parse(value) : undefined })}
            />
          </Field>
          <Field id="roster-status" label={t('people.filters.status')}>
            <Select<string>
              id="roster-status"
              value={params.status}
              options={PersonStatus.options.map((value) => ({ value, label: t(`people.status.${value}`) }))}
              onChange={(value) => onChange({ status: PersonStatus.parse(value) })}
            />
          </Field>
          {hasFilters(params) ? (
            <div className="filter-field filter-clear">
              <Button
                onClick={() =>
                  onChange({ classId: undefined, kind: undefined, categoryId: undefined, whereabouts: undefined, leftBehind: undefined, deviceAccess: undefined, status: 'active' })
                }
              >
                {t('people.filters.clear')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
