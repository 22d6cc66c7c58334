import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryRef } from '@campus/shared';
import type { z } from 'zod';
import { useCensusCategories } from '../api/list-census-categories';
import { useCategoryLabel } from './category-label';

/** A person's census category; exceptions (returned from outside, close contact, unwell, …) stand out. */
export function CategoryTag({ category }: { category: z.infer<typeof CategoryRef> | null }) {
  const { t } = useTranslation();
  const categories = useCensusCategories();
  const label = useCategoryLabel();
  if (!category) return <Tag className="tag-off">{t('census.none')}</Tag>;
  const exception = categories.data?.find((candidate) => candidate.id === category.id)?.isException ?? category.code !== 'normal';
  return <Tag className={exception ? 'tag-danger' : 'tag-ok'}>{label(category)}</Tag>;
}
