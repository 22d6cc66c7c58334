import type { Me, Role } from '@campus/shared';
import { allowed, allowedForSchool } from '@/lib/permissions';

/** What the duty screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const dutyCan = {
  read: (role: Role) => allowed(role, 'duty.read'),
  file: (me: Me, schoolId: string) => allowedForSchool(me, 'duty.file', schoolId),
  roster: (me: Me, schoolId: string) => allowedForSchool(me, 'duty.roster', schoolId),
  seeGrid: (role: Role) => allowed(role, 'duty.grid'),
};
