import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCensusCategories } from '../api/list-census-categories';
import { useCategoryLabel } from './category-label';

type CategorySelectProps = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** Offer retired categories too (filters: old records still carry them). */
  includeRetired?: boolean;
  /** A first option with the value '' (filters: "全部"), instead of a placeholder. */
  allLabel?: string;
};

/** Picks a census category; a retired one shows only when it is the current value or asked for. */
export function CategorySelect({ includeRetired = false, allLabel, value, ...props }: CategorySelectProps) {
  const { t } = useTranslation();
  const categories = useCensusCategories();
  const label = useCategoryLabel();
  const options = (categories.data ?? [])
    .filter((category) => category.active || includeRetired || category.id === value)
    .map((category) => ({ value: category.id, label: category.active ? label(category) : t('census.optionRetired', { name: label(category) }) }));
  return <Select<string> {...props} value={value} options={allLabel === undefined ? options : [{ value: '', label: allLabel }, ...options]} loading={categories.isPending} />;
}
