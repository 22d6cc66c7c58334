import { useTranslation } from 'react-i18next';
import type { Language, SupplyItem, SupplyUnit } from '@campus/shared';
import { useLanguage } from '@/lib/language';

/** 1,000 / 50.5: grouped, at most two decimals, in the UI language's style. */
export function formatNumber(value: number, language: Language): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
}

/** The item's name in the UI language. */
export function itemLabel(item: Pick<SupplyItem, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en' ? item.nameEn : item.name;
}

/** Quantities with their unit ("1,000 个", "50.5 L"), and a signed form for ledger rows ("+300 个", "−24 个"). */
export function useQuantity() {
  const { t } = useTranslation();
  const language = useLanguage();
  const unitOf = (unit: SupplyUnit) => t(`supplies.unit.${unit}`);
  const quantity = (value: number | null | undefined, unit: SupplyUnit) => (value === null || value === undefined ? t('supplies.none') : `${formatNumber(value, language)} ${unitOf(unit)}`);
  const signed = (value: number, unit: SupplyUnit) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), language)} ${unitOf(unit)}`;
  const days = (value: number | null) => (value === null ? t('supplies.none') : t('supplies.daysValue', { days: formatNumber(value, language) }));
  return { quantity, signed, days, unit: unitOf, number: (value: number) => formatNumber(value, language) };
}
