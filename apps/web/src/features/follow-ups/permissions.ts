import type { Role } from '@campus/shared';

/** What the follow-up screens offer each role (the server decides; see services/follow-ups). */
export const followUpCan = {
  /** Class teachers call their students; principals call their staff (and can open any class list). */
  record: (role: Role) => role === 'class_teacher' || role === 'principal',
};
