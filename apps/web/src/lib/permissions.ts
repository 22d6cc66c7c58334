import { manageableRoles, type Role } from '@campus/shared';

/**
 * What the UI offers each role. The server decides (scope and role checks in
 * one place); these only keep buttons and menu entries away from people who
 * would get a 403 or 404 for them.
 */
export const can = {
  manageSchools: (role: Role) => role === 'centre_admin',
  seeAllSchools: (role: Role) => role === 'centre_admin' || role === 'observer',
  manageClasses: (role: Role) => role === 'centre_admin' || role === 'principal',
  seeAccounts: (role: Role) => manageableRoles(role).length > 0,
  manageAccountsOf: (managerRole: Role, accountRole: Role) => manageableRoles(managerRole).includes(accountRole),
  editSettings: (role: Role) => role === 'centre_admin',
  readAudit: (role: Role) => role === 'centre_admin',
  readApiDocs: (role: Role) => role === 'centre_admin',
};
