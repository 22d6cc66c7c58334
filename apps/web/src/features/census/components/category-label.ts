import { useCallback } from 'react';
import { useLanguage } from '@/lib/language';

/** A category's name in the UI language (the list carries both). */
export function useCategoryLabel() {
  const language = useLanguage();
  return useCallback((category: { label: string; labelEn: string }) => (language === 'en' ? category.labelEn : category.label), [language]);
}
