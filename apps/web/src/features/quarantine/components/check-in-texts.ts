import { useTranslation } from 'react-i18next';
import type { CaseCheckIn } from '@campus/shared';
import { useCaseLabels } from './use-case-labels';

/** A check-in's answers in words, the same on the screen's cards and the printed table. */
export function useCheckInTexts() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return {
    temperature: (checkIn: CaseCheckIn) => (checkIn.temperature !== null ? `${checkIn.temperature.toFixed(1)}°C` : '—'),
    symptoms: (checkIn: CaseCheckIn) => (checkIn.symptoms.length ? checkIn.symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)).join('、') : t('quarantine.file.noSymptoms')),
    living: (checkIn: CaseCheckIn) =>
      `${checkIn.living.foodOk ? t('quarantine.file.foodOk') : t('quarantine.file.foodNotOk')}，${checkIn.living.suppliesOk ? t('quarantine.file.suppliesOk') : t('quarantine.file.suppliesNotOk')}${
        checkIn.living.helpNeeded ? `；${checkIn.living.helpNeeded}` : ''
      }`,
    /** null when the check-in says nothing about study (staff) */
    study: (checkIn: CaseCheckIn) =>
      checkIn.study.keepingUp || checkIn.study.materialsNeeded
        ? `${checkIn.study.keepingUp ? t(`followUps.study.${checkIn.study.keepingUp}`) : ''}${checkIn.study.materialsNeeded ? `；${checkIn.study.materialsNeeded}` : ''}`
        : null,
    mood: (checkIn: CaseCheckIn) => labels.mood(checkIn.mood),
  };
}
