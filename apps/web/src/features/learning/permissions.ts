import type { Me, Role } from '@campus/shared';
import { allowed, allowedForSchool } from '@/lib/permissions';

/** What the study screens (停课不停学) offer each role (the one table: packages/shared/src/capabilities.ts). */
export const learningCan = {
  school: (me: Me, schoolId: string) => allowedForSchool(me, 'learning.school', schoolId),
  readSchools: (role: Role) => allowed(role, 'learning.school'),
  township: (role: Role) => allowed(role, 'learning.township'),
};
