import { useTranslation } from 'react-i18next';
import { UNIT_LABELS, type Compliance } from '@campus/shared';
import { useLanguage } from '@/lib/language';

/** ISO weekdays 1–7 by their catalogue keys. */
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const keyOf = (day: number) => WEEKDAY_KEYS[day - 1] ?? 'mon';

/** The wire's units are the Chinese words (SupplyRef.unit: "升"); English shows its own ("L"). */
function unitIn(unit: string, language: 'zh-CN' | 'en'): string {
  if (language === 'zh-CN') return unit;
  return Object.values(UNIT_LABELS).find((labels) => labels['zh-CN'] === unit)?.en ?? unit;
}

/** Done / planned as a whole percentage; null when nothing was planned. */
export function percentOf(compliance: Compliance): number | null {
  return compliance.planned ? Math.round((Math.min(compliance.done, compliance.planned) / compliance.planned) * 100) : null;
}

/** The plan's words: "10:00、16:00", "每天" / "周一、三、五", a unit in the UI's language, an amount. */
export function usePlanFormat() {
  const { t } = useTranslation();
  const language = useLanguage();
  const separator = t('disinfection.listSeparator');
  return {
    weekdayOptions: WEEKDAY_KEYS.map((key, index) => ({ value: index + 1, label: t(`disinfection.weekday.${key}`) })),
    times: (times: readonly string[]) => times.join(separator),
    weekdays: (days: readonly number[]) => {
      if (days.length === 0 || days.length === WEEKDAY_KEYS.length) return t('disinfection.plan.everyDay');
      const sorted = [...days].sort((a, b) => a - b);
      const first = sorted[0]!;
      const last = sorted.at(-1)!;
      // One run of three days or more reads as a range: 周一至周五.
      if (sorted.length >= 3 && last - first === sorted.length - 1) {
        return t('disinfection.weekdayRange', { from: t(`disinfection.weekday.${keyOf(first)}`), to: t(`disinfection.weekday.${keyOf(last)}`) });
      }
      return t('disinfection.weekdayList', { days: sorted.map((day) => t(`disinfection.weekdayShort.${keyOf(day)}`)).join(separator) });
    },
    unit: (unit: string) => unitIn(unit, language),
    amount: (value: number) => value.toLocaleString(language, { maximumFractionDigits: 2 }),
  };
}
