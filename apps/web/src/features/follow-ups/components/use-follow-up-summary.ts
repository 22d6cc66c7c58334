import { useTranslation } from 'react-i18next';
import type { FollowUp } from '@campus/shared';

/** One line about a record: how, and what was wrong (fever, symptoms) or why nobody was reached. */
export function useFollowUpSummary() {
  const { t } = useTranslation();
  return (record: Pick<FollowUp, 'method' | 'reached' | 'unreachableReason' | 'temperature' | 'symptoms' | 'isException'>) => {
    const parts: string[] = [t(`followUps.method.${record.method}`)];
    if (!record.reached) {
      if (record.unreachableReason) parts.push(record.unreachableReason);
      return parts.join(' · ');
    }
    if (record.temperature !== null) parts.push(`${record.temperature.toFixed(1)}°C`);
    if (record.symptoms.length) parts.push(record.symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)).join('、'));
    return parts.join(' · ');
  };
}
