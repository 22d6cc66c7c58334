import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchools } from '../api/list-schools';

type SchoolSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & {
  includeInactive?: boolean;
};

/** Picks a school in the caller's scope, searchable by name or code ("S01"). */
export function SchoolSelect({ includeInactive = false, ...props }: SchoolSelectProps) {
  const { t } = useTranslation();
  const schools = useSchools({ includeInactive });
  const options = (schools.data ?? []).map((school) => ({
    value: school.id,
    label: school.active ? `${school.code} ${school.name}` : t('schools.optionInactive', { name: `${school.code} ${school.name}` }),
  }));
  return <Select<string> {...props} options={options} loading={schools.isPending} showSearch={{ optionFilterProp: 'label' }} />;
}
