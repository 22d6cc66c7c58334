import type { Role } from '@campus/shared';
import { allowed } from '@/lib/permissions';

/** What the roster UI offers each role (the one table: packages/shared/src/capabilities.ts). */
export const rosterCan = {
  read: (role: Role) => allowed(role, 'people.read'),
  write: (role: Role) => allowed(role, 'people.write'),
  addStaff: (role: Role) => allowed(role, 'people.addStaff'),
  transfer: (role: Role) => allowed(role, 'people.transfer'),
  revealIdNumber: (role: Role) => allowed(role, 'people.revealIdNumber'),
  exportFullIdNumbers: (role: Role) => allowed(role, 'people.exportFullIdNumbers'),
  seeAllSchools: (role: Role) => allowed(role, 'people.overview'),
};
