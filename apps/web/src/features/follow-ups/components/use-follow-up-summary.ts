import { useTranslation } from 'react-i18next';
import type { FollowUp } from '@campus/shared';

type Summarised = Pick<FollowUp, 'method' | 'reached' | 'unreachableCode' | 'unreachableReason' | 'temperature' | 'symptoms' | 'isException' | 'studiedOnline'> &
  Partial<Pick<FollowUp, 'studyMode' | 'notStudyingReason'>>;

/** Why nobody was reached, in the reader's language: the listed reason, or the words given for "other" (older records: words only). */
export function useUnreachableReason() {
  const { t } = useTranslation();
  return (record: Pick<FollowUp, 'unreachableCode' | 'unreachableReason'>) => {
    if (record.unreachableCode && record.unreachableCode !== 'other') return t(`followUps.unreachable.${record.unreachableCode}`);
    return record.unreachableReason ?? (record.unreachableCode ? t('followUps.unreachable.other') : '');
  };
}

/** One line about a record: how, and what was wrong (fever, symptoms) or why nobody was reached; whether they studied online when said. */
export function useFollowUpSummary() {
  const { t } = useTranslation();
  const reasonOf = useUnreachableReason();
  return (record: Summarised) => {
    const parts: string[] = [t(`followUps.method.${record.method}`)];
    if (!record.reached) {
      const reason = reasonOf(record);
      if (reason) parts.push(reason);
      return parts.join(' · ');
    }
    if (record.temperature !== null) parts.push(`${record.temperature.toFixed(1)}°C`);
    if (record.symptoms.length) parts.push(record.symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)).join('、'));
    // Paper materials or the TV lessons are said as such; online (or an older record without a mode) as before.
    if (record.studiedOnline && record.studiedOnline !== 'no' && record.studyMode && record.studyMode !== 'online') parts.push(t(`followUps.studyMode.${record.studyMode}`));
    else if (record.studiedOnline) parts.push(t(`followUps.studySummary.${record.studiedOnline}`));
    if (record.studiedOnline === 'no' && record.notStudyingReason) parts.push(t(`followUps.notStudyingReason.${record.notStudyingReason}`));
    return parts.join(' · ');
  };
}
