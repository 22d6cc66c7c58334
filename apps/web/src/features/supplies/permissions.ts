import type { Me, Role } from '@campus/shared';
import { allowed, allowedForSchool } from '@/lib/permissions';

/** What the supplies screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const supplyCan = {
  /** Any supplies screen at all (class teachers have none). */
  read: (role: Role) => allowed(role, 'supplies.read'),
  seeTownship: (role: Role) => allowed(role, 'supplies.township'),
  manage: (role: Role) => allowed(role, 'supplies.manage'),
  writeSchoolStock: (me: Me, schoolId: string) => allowedForSchool(me, 'supplies.writeSchoolStock', schoolId),
  /** Requests to the centre and confirming receipt of a transfer: the school's own staff only. */
  actForSchool: (me: Me, schoolId: string) => allowedForSchool(me, 'supplies.request', schoolId),
};
