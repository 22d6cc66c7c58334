import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Symptom, type ExceptionItem } from '@campus/shared';

/** Symptoms in the shared follow-up vocabulary ("发热、咳嗽"); an unknown code shows as sent. */
export function useSymptomLabels() {
  const { t } = useTranslation();
  return useCallback(
    (symptoms: readonly string[]) =>
      symptoms
        .map((symptom) => {
          const known = Symptom.safeParse(symptom);
          return known.success ? t(`followUps.symptom.${known.data}`) : symptom;
        })
        .join(t('dailyReports.listSeparator')),
    [t],
  );
}

/** "37.6 °C" */
export function formatTemperature(value: number): string {
  return `${value.toFixed(1)} °C`;
}

/** One line about an exception: temperature and symptoms ("体温 37.6 °C · 发热"). */
export function useExceptionDescription() {
  const { t } = useTranslation();
  const symptoms = useSymptomLabels();
  return useCallback(
    (item: ExceptionItem) =>
      [
        item.temperature !== null ? t('dailyReports.exceptions.temperatureValue', { value: formatTemperature(item.temperature) }) : null,
        item.symptoms.length ? symptoms(item.symptoms) : null,
        item.note,
      ]
        .filter(Boolean)
        .join(' · '),
    [t, symptoms],
  );
}
