import type { Me, Role } from '@campus/shared';

/**
 * What the supplies screens offer each role, mirroring the server
 * (services/supplies/common.ts, scope.supplies): the centre reads and writes
 * everything; observers read everything; a school's principal and gate staff
 * read and write their own school's stock and requests; class teachers have
 * no supplies.
 */
export const supplyCan = {
  /** Any supplies screen at all. */
  read: (role: Role) => role !== 'class_teacher',
  /** The township's matrix, alerts, the centre's store, transfers and requests of every school. */
  seeTownship: (role: Role) => role === 'centre_admin' || role === 'observer',
  /** Arrivals at the centre, transfers, decisions on requests, the catalogue and targets. */
  manage: (role: Role) => role === 'centre_admin',
  /** Receipts from elsewhere, use, counts and reversals in this school's ledger. */
  writeSchoolStock: (me: Me, schoolId: string) =>
    me.user.role === 'centre_admin' || ((me.user.role === 'principal' || me.user.role === 'gate_duty') && me.school?.id === schoolId),
  /** Requests to the centre and confirming receipt of a transfer: the school's own staff only. */
  actForSchool: (me: Me, schoolId: string) => (me.user.role === 'principal' || me.user.role === 'gate_duty') && me.school?.id === schoolId,
};
