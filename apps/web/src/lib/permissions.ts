import { can as granted, manageableRoles, reachOf, type Capability, type Me, type Role } from '@campus/shared';

/**
 * What the UI offers each role, read from the one permissions table
 * (packages/shared/src/capabilities.ts, ADR 0020) that the server's checks
 * read too. The server decides; these only keep buttons and menu entries
 * away from people who would get a 403 or 404 for them.
 */
export const allowed: (role: Role, action: Capability) => boolean = granted;

/** Whether `me` may do `action` for one school: a township-wide grant, or a school grant for their own school. */
export function allowedForSchool(me: Me, action: Capability, schoolId: string): boolean {
  const reach = reachOf(me.user.role, action);
  return reach === 'township' || (reach !== undefined && me.school?.id === schoolId);
}

export const can = {
  manageSchools: (role: Role) => allowed(role, 'schools.write'),
  seeAllSchools: (role: Role) => allowed(role, 'schools.readAll'),
  manageClasses: (role: Role) => allowed(role, 'classes.write'),
  seeAccounts: (role: Role) => manageableRoles(role).length > 0,
  manageAccountsOf: (managerRole: Role, accountRole: Role) => manageableRoles(managerRole).includes(accountRole),
  editSettings: (role: Role) => allowed(role, 'settings.write'),
  readAudit: (role: Role) => allowed(role, 'audit.read'),
  readApiDocs: (role: Role) => allowed(role, 'apiDocs.read'),
};
