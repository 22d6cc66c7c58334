import type { Role } from '@campus/shared';

/** What the follow-up screens offer each role (the server decides; see services/follow-ups). */
export const followUpCan = {
  /** Class teachers call their students; principals call their staff (and can open any class list). */
  record: (role: Role) => role === 'class_teacher' || role === 'principal',
  /** The school's day: classes, staff, exceptions, the school report. */
  seeSchoolDay: (role: Role) => role === 'principal' || role === 'centre_admin' || role === 'observer',
  fileSchoolReport: (role: Role) => role === 'principal',
  recordHandling: (role: Role) => role === 'principal' || role === 'centre_admin',
  /** The township's completeness grid and the export. */
  seeGrid: (role: Role) => role === 'centre_admin' || role === 'observer',
};
