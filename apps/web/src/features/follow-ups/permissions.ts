import type { Role } from '@campus/shared';
import { allowed } from '@/lib/permissions';

/** What the follow-up screens offer each role (the one table: packages/shared/src/capabilities.ts). */
export const followUpCan = {
  record: (role: Role) => allowed(role, 'followUp.record'),
};
