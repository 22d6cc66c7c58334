import { reachOf, type Role } from '@campus/shared';
import { allowed } from '@/lib/permissions';

/** What the quarantine screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const quarantineCan = {
  open: (role: Role) => allowed(role, 'case.open'),
  seeSchool: (role: Role) => allowed(role, 'case.school'),
  seeOverview: (role: Role) => allowed(role, 'case.overview'),
  /** 今日询问 lists one's own teams' cases (the list is empty for someone on no team); the centre checks in from a case file. */
  checkInToday: (role: Role) => reachOf(role, 'case.checkIn') === 'case_team',
};
