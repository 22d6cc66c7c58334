import { useTranslation } from 'react-i18next';
import {
  CASE_EVENT_LABELS,
  CASE_OUTCOME_LABELS,
  CASE_PLACE_LABELS,
  CASE_REASON_LABELS,
  MOOD_LABELS,
  type AlertKind,
  type CaseEventKind,
  type CaseOutcome,
  type CasePerson,
  type CasePlace,
  type CaseReason,
  type Mood,
} from '@campus/shared';
import { useClassLabel } from '@/features/classes';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/language';

/** The case vocabulary in the UI language (the labels live in @campus/shared, beside the enums). */
export function useCaseLabels() {
  const { t } = useTranslation();
  const language = useLanguage();
  const classLabel = useClassLabel();
  // The person's school's kind names the grades (小班 / 一年级 / 七年级), for the centre as for the school.
  return {
    reason: (value: CaseReason) => CASE_REASON_LABELS[value][language],
    place: (value: CasePlace) => CASE_PLACE_LABELS[value][language],
    outcome: (value: CaseOutcome) => CASE_OUTCOME_LABELS[value][language],
    mood: (value: Mood) => MOOD_LABELS[value][language],
    event: (value: CaseEventKind) => CASE_EVENT_LABELS[value][language],
    alerts: (kinds: readonly AlertKind[]) => kinds.map((kind) => t(`quarantine.alert.${kind}`)).join(t('dailyReports.listSeparator')),
    /** "2026年11月29日" / "2026-11-29" for a YYYY-MM-DD day. */
    day: (value: string) => formatDate(`${value}T12:00:00Z`, language),
    /** A person's class ("一年级 1班"), or "教职工" for staff. */
    classOf: (person: CasePerson) =>
      person.kind === 'staff' || person.grade === null || person.className === null ? t('quarantine.list.staff') : classLabel(person.schoolKind, person.grade, person.className),
  };
}
