import { useTranslation } from 'react-i18next';
import type { Language } from '@campus/shared';
import { toLanguage } from '@/i18n';

/** The current UI language as the shared `Language` type ('zh-CN' | 'en'). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
