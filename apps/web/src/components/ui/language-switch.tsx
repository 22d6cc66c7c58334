import { useTranslation } from 'react-i18next';
import { setLanguage, toLanguage } from '@/i18n';

/** Switches between 中文 and English; the button names the other language in that language (plain: the sign-in page loads no component library). */
export function LanguageSwitch({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const target = toLanguage(t('language.switchToLang'));
  return (
    <button type="button" lang={target} title={t('language.label')} className={block ? 'plain-button plain-button-block' : 'plain-button'} onClick={() => void setLanguage(target)}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="10" />
        <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
      </svg>
      <span>{t('language.switchTo')}</span>
    </button>
  );
}
