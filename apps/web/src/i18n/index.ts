import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerMessages, type Language } from '@campus/shared';
import { zhCNCore } from './locales/zh-CN.core';

/** The only thing this app keeps in browser storage: the chosen UI language. */
export const LANGUAGE_STORAGE_KEY = 'campus.lang';
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function toLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}

function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // Storage can be blocked (private mode, policies); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

/** Everything outside React that follows the language: <html lang> (dayjs follows it in the antd shell). */
function applyLanguage(language: Language) {
  document.documentElement.lang = language;
}

// What the sign-in page and the class teacher's phone pages say is bundled (zh-CN.core.ts); the rest of the
// Chinese comes with the antd shell (loadFullCatalogue), English only for those who choose it.
const initialLanguage = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCNCore } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});
applyLanguage(currentLanguage());
i18n.on('languageChanged', (language) => applyLanguage(toLanguage(language)));

async function loadCatalogue(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  if (language === 'en') {
    const [catalogue, shared] = await Promise.all([import('./locales/en'), import('@campus/shared/messages-en')]);
    // The shared (server and validation) messages in English come with the app's own (not on the first load).
    registerMessages('en', shared.enMessages);
    i18n.addResourceBundle('en', 'translation', catalogue.en);
  }
}

let fullCatalogue: Promise<void> | null = null;

/** The whole Chinese catalogue (the antd screens' strings): fetched once, before the antd shell renders. */
export function loadFullCatalogue(): Promise<void> {
  fullCatalogue ??= import('./locales/zh-CN').then(({ zhCN }) => {
    i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, true);
  });
  return fullCatalogue;
}

/** Resolves once the remembered language's catalogue is there (main.tsx renders after it). */
export const i18nReady: Promise<void> =
  initialLanguage === DEFAULT_LANGUAGE
    ? Promise.resolve()
    : loadCatalogue(initialLanguage)
        .then(() => i18n.changeLanguage(initialLanguage))
        .then(
          () => undefined,
          // The catalogue could not be fetched (offline): Chinese still works.
          () => undefined,
        );

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads, but switched for this visit.
  }
  await loadCatalogue(language);
  await i18n.changeLanguage(language);
}

export { i18n };
