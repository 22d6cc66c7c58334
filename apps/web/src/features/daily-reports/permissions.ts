import type { Role } from '@campus/shared';

/** What the daily-report screens offer each role (the server decides; see services/daily-reports). */
export const dailyReportCan = {
  /** The school's day: classes, staff, exceptions, the school report. */
  seeSchoolDay: (role: Role) => role === 'principal' || role === 'centre_admin' || role === 'observer',
  fileSchoolReport: (role: Role) => role === 'principal',
  recordHandling: (role: Role) => role === 'principal' || role === 'centre_admin',
  /** The township's completeness grid and the export. */
  seeGrid: (role: Role) => role === 'centre_admin' || role === 'observer',
};
