/**
 * What the observer (read-only, all schools: e.g. the township health office)
 * does not read, decided field by field in this one file and applied by the
 * service that builds each wire shape (issue 13). The observer sees who, where
 * (school, class, village), the census and health *figures* (temperatures,
 * symptoms, moods, whether help is needed, dates, outcomes), and phone numbers
 * masked (maskPhone); never home addresses or free text, which carries health
 * details and names the way the figures do not.
 *
 * | shape          | masked                  | null for the observer                                              |
 * | -------------- | ----------------------- | ------------------------------------------------------------------ |
 * | PersonDetail   | phone, guardian phones  | address, notes, history notes                                      |
 * | FollowUp       |                         | symptomNote, studyNote, note, handlingNote, place                  |
 * | ExceptionItem  |                         | note, handlingNote                                                 |
 * | CaseFile       |                         | reasonNote, placeNote, plan, guardianContact, closeNote, event     |
 * |                |                         | notes; per check-in helpNeeded, materialsNeeded, counsellingNote,  |
 * |                |                         | note, the resolution's note                                        |
 * | HelpRequest    |                         | helpNeeded, materialsNeeded                                        |
 * | roster export  | (phones already masked) | address, notes                                                     |
 */
import { maskPhone, type CaseFile, type ExceptionItem, type FollowUp, type HelpRequest, type PersonDetail } from '@campus/shared';
import type { Actor } from './scope.js';

const masked = (phone: string | null) => (phone ? maskPhone(phone) : null);

export function isObserver(actor: Actor): boolean {
  return actor.role === 'observer';
}

export const observerView = {
  person(actor: Actor, detail: PersonDetail): PersonDetail {
    if (!isObserver(actor)) return detail;
    return {
      ...detail,
      phone: masked(detail.phone),
      guardianPhone: masked(detail.guardianPhone),
      guardians: detail.guardians.map((guardian) => ({ ...guardian, phone: masked(guardian.phone) })),
      address: null,
      notes: null,
      history: detail.history.map((event) => ({ ...event, note: null })),
    };
  },

  followUp<T extends FollowUp | null>(actor: Actor, followUp: T): T {
    if (!isObserver(actor) || !followUp) return followUp;
    return { ...followUp, symptomNote: null, studyNote: null, note: null, handlingNote: null, place: null };
  },

  exception(actor: Actor, item: ExceptionItem): ExceptionItem {
    if (!isObserver(actor)) return item;
    return { ...item, note: null, handlingNote: null };
  },

  caseFile(actor: Actor, file: CaseFile): CaseFile {
    if (!isObserver(actor)) return file;
    return {
      ...file,
      reasonNote: null,
      placeNote: null,
      plan: null,
      guardianContact: null,
      closeNote: null,
      events: file.events.map((event) => ({ ...event, note: null })),
      checkIns: file.checkIns.map((checkIn) => ({
        ...checkIn,
        living: { ...checkIn.living, helpNeeded: null },
        study: { ...checkIn.study, materialsNeeded: null },
        counsellingNote: null,
        note: null,
        helpResolution: checkIn.helpResolution ? { ...checkIn.helpResolution, note: null } : null,
      })),
    };
  },

  helpRequest(actor: Actor, help: HelpRequest): HelpRequest {
    if (!isObserver(actor)) return help;
    return { ...help, helpNeeded: null, materialsNeeded: null };
  },

  /** A roster export row: phones are masked there for everyone but a full-ID export (the centre's). */
  rosterRow<T extends { address: string; notes: string }>(actor: Actor, row: T): T {
    if (!isObserver(actor)) return row;
    return { ...row, address: '', notes: '' };
  },
};
