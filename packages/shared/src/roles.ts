import { z } from 'zod';

export const Role = z.enum(['centre_admin', 'principal', 'class_teacher', 'gate_duty', 'observer']);
export type Role = z.infer<typeof Role>;

/** Roles that belong to one school; the others see the whole township. */
export const SCHOOL_ROLES: readonly Role[] = ['principal', 'class_teacher', 'gate_duty'];
export const TOWNSHIP_ROLES: readonly Role[] = ['centre_admin', 'observer'];

export function roleBelongsToSchool(role: Role): boolean {
  return SCHOOL_ROLES.includes(role);
}

/** Which roles an account manager may create, reset or disable. */
export function manageableRoles(managerRole: Role): readonly Role[] {
  if (managerRole === 'centre_admin') return Role.options;
  if (managerRole === 'principal') return ['class_teacher', 'gate_duty'];
  return [];
}
