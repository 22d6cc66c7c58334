import type { Me, Role } from '@campus/shared';
import { allowed, allowedForSchool } from '@/lib/permissions';

/** What the gate screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const gateCan = {
  today: (role: Role) => allowed(role, 'gate.today'),
  register: (me: Me, schoolId: string) => allowedForSchool(me, 'gate.register', schoolId),
  book: (role: Role) => allowed(role, 'gate.book'),
  export: (me: Me, schoolId: string) => allowedForSchool(me, 'gate.export', schoolId),
  approve: (me: Me, schoolId: string) => allowedForSchool(me, 'gate.approve', schoolId),
  alerts: (role: Role) => allowed(role, 'gate.alerts'),
  counts: (role: Role) => allowed(role, 'gate.counts'),
};
