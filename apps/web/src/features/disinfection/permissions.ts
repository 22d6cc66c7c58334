import type { Me, Role } from '@campus/shared';
import { allowed, allowedForSchool } from '@/lib/permissions';

/** What the disinfection screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const disinfectionCan = {
  read: (role: Role) => allowed(role, 'disinfection.read'),
  plan: (me: Me, schoolId: string) => allowedForSchool(me, 'disinfection.plan', schoolId),
  log: (me: Me, schoolId: string) => allowedForSchool(me, 'disinfection.log', schoolId),
  seeGrid: (role: Role) => allowed(role, 'disinfection.grid'),
};
