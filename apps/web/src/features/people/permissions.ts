import type { Role } from '@campus/shared';

/**
 * What the roster UI offers each role. The server decides (scope in one
 * place); these keep buttons and menu entries away from people who would get
 * a 403 for them.
 */
export const rosterCan = {
  /** Gate duty has no health or roster records. */
  read: (role: Role) => role !== 'gate_duty',
  /** Observers read only. A class teacher writes students of the classes they head. */
  write: (role: Role) => role === 'centre_admin' || role === 'principal' || role === 'class_teacher',
  addStaff: (role: Role) => role === 'centre_admin' || role === 'principal',
  transfer: (role: Role) => role === 'centre_admin',
  revealIdNumber: (role: Role) => role === 'centre_admin' || role === 'principal' || role === 'class_teacher',
  exportFullIdNumbers: (role: Role) => role === 'centre_admin',
  /** Every school side by side; one school's roster on demand. */
  seeAllSchools: (role: Role) => role === 'centre_admin' || role === 'observer',
};
