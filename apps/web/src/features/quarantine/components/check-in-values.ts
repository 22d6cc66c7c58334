import { alertKinds, type AlertKind, type CaseCheckIn, type ContactMethod, type Mood, type StudyStatus, type Symptom } from '@campus/shared';

/**
 * The check-in form's values and their mapping to the API's input, shared by
 * the antd dialog (case-modals.tsx) and the phone's today list
 * (check-ins-today-page.tsx): plain functions, no antd, no dayjs — the day is
 * a YYYY-MM-DD string here (the antd form converts its date picker's value).
 */
export interface CheckInFormValues {
  day?: string;
  method: ContactMethod;
  /** as typed: "37,5" and "37.5" both read as 37.5; a text that is no number is left for the schema to refuse */
  temperature?: string;
  symptoms: Symptom[];
  foodOk: boolean;
  suppliesOk: boolean;
  helpNeeded?: string;
  keepingUp?: StudyStatus;
  materialsNeeded?: string;
  mood?: Mood;
  counsellingNote?: string;
  needsHelp: boolean;
  note?: string;
}

export const emptyToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);

/** A new check-in for `day` (the centre's today): by phone, no symptoms, food and supplies fine, no help asked. */
export function newCheckInValues(day: string): CheckInFormValues {
  return { day, method: 'phone', symptoms: [], foodOk: true, suppliesOk: true, needsHelp: false };
}

/** An earlier check-in as the form's values (a correction starts from it). */
export function checkInValuesOf(checkIn: CaseCheckIn): CheckInFormValues {
  return {
    day: checkIn.day,
    method: checkIn.method,
    temperature: checkIn.temperature?.toFixed(1),
    symptoms: checkIn.symptoms,
    foodOk: checkIn.living.foodOk,
    suppliesOk: checkIn.living.suppliesOk,
    helpNeeded: checkIn.living.helpNeeded ?? undefined,
    keepingUp: checkIn.study.keepingUp ?? undefined,
    materialsNeeded: checkIn.study.materialsNeeded ?? undefined,
    mood: checkIn.mood,
    counsellingNote: checkIn.counsellingNote ?? undefined,
    needsHelp: checkIn.needsHelp,
    note: checkIn.note ?? undefined,
  };
}

/** The typed temperature as a number, or null when empty or not a number. */
export function temperatureOf(text: string | undefined): number | null {
  const value = text?.trim() ? Number(text.trim().replace(',', '.')) : null;
  return value !== null && !Number.isNaN(value) ? value : null;
}

/** The alerts this check-in will raise once saved (fever, crisis): shown in the form before it is sent. */
export function checkInAlertKinds(values: Pick<CheckInFormValues, 'temperature' | 'mood'>, feverThreshold: number): AlertKind[] {
  return values.mood ? alertKinds({ temperature: temperatureOf(values.temperature), mood: values.mood }, feverThreshold) : [];
}

/** Form values → the input CaseCheckInInput checks (study answers only for a student). */
export function checkInInputOf(values: CheckInFormValues, options: { isStudent: boolean; correctsCheckInId?: string }) {
  const text = values.temperature?.trim().replace(',', '.');
  const temperature = text ? (Number.isNaN(Number(text)) ? text : Math.round(Number(text) * 10) / 10) : null;
  return {
    day: values.day,
    method: values.method,
    temperature,
    symptoms: values.symptoms ?? [],
    living: { foodOk: values.foodOk, suppliesOk: values.suppliesOk, helpNeeded: emptyToNull(values.helpNeeded) },
    study: { keepingUp: options.isStudent ? (values.keepingUp ?? null) : null, materialsNeeded: options.isStudent ? emptyToNull(values.materialsNeeded) : null },
    mood: values.mood,
    counsellingNote: emptyToNull(values.counsellingNote),
    needsHelp: values.needsHelp,
    note: emptyToNull(values.note),
    ...(options.correctsCheckInId ? { correctsCheckInId: options.correctsCheckInId } : {}),
  };
}
