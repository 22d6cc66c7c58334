import type { Role } from '@campus/shared';
import { allowed } from '@/lib/permissions';

/** What the daily-report screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const dailyReportCan = {
  seeSchoolDay: (role: Role) => allowed(role, 'dailyReport.schoolDay'),
  fileSchoolReport: (role: Role) => allowed(role, 'dailyReport.fileSchool'),
  recordHandling: (role: Role) => allowed(role, 'followUp.handling'),
  seeGrid: (role: Role) => allowed(role, 'dailyReport.grid'),
};
