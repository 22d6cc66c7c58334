import type { Role } from '@campus/shared';

/** What the quarantine screens offer each role (the server decides; see routes/quarantine). */
export const quarantineCan = {
  open: (role: Role) => role === 'principal' || role === 'centre_admin',
  seeSchool: (role: Role) => role === 'principal' || role === 'centre_admin' || role === 'observer',
  seeOverview: (role: Role) => role === 'centre_admin' || role === 'observer',
  /** Team members are class teachers or principals; the list is empty for someone on no team. */
  checkInToday: (role: Role) => role === 'principal' || role === 'class_teacher',
};
