import type { Role } from './roles.js';

/**
 * Who may do what: the one table (ADR 0020). The API's checks
 * (`assertCan` in apps/api/src/services/scope.ts), the web's menus and
 * buttons (`can` in apps/web/src/lib/permissions.ts) and the generated
 * scope-matrix tests all read it; a role missing from an action's row may
 * not do it (403), and the reach says which records an allowed role's
 * check and lists stay within (out of reach reads as 404):
 *
 * - `township`: every school (the centre, observers)
 * - `school`: the actor's own school
 * - `classes`: the classes the actor heads, in their school
 * - `case_team`: the quarantine cases whose team (专班) the actor is on
 * - `self`: the actor's own account only
 *
 * A new action gets a row here first; the scope-matrix test fails for an
 * action without a case.
 */
export type Reach = 'township' | 'school' | 'classes' | 'case_team' | 'self';
export type Grant = Partial<Record<Role, Reach>>;

const CENTRE: Grant = { centre_admin: 'township' };
const TOWNSHIP_READ: Grant = { centre_admin: 'township', observer: 'township' };

export const CAPABILITIES = {
  // campus (issue 15): gate register, duty, disinfection
  /** Register a visitor or a returning person at the gate, sign them out. */
  'gate.register': { principal: 'school', gate_duty: 'school' },
  /** The register itself (names, masked phones), today's list, the export. */
  'gate.read': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  /** Closed campus switch and pre-approved visitors. */
  'gate.approve': { centre_admin: 'township', principal: 'school' },
  /** Visitors and refusals per school per day (counts only). */
  'campus.summary': { ...TOWNSHIP_READ, principal: 'school' },
  /** The centre's lists: ask questions, duty checklist, disinfection area kinds and agents. */
  'campus.settings': CENTRE,
  /** Who is on duty which day. */
  'duty.roster.write': { centre_admin: 'township', principal: 'school' },
  'duty.read': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  /** The day's duty report, with its pictures. */
  'duty.report.write': { principal: 'school', gate_duty: 'school', class_teacher: 'school' },
  'disinfection.plan.write': { centre_admin: 'township', principal: 'school' },
  'disinfection.log.write': { principal: 'school', gate_duty: 'school' },
  'disinfection.read': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
} as const satisfies Record<string, Grant>;

export type Capability = keyof typeof CAPABILITIES;

/** How far `role` reaches for `action`, or undefined when it may not do it at all. */
export function reachOf(role: Role, action: Capability): Reach | undefined {
  return (CAPABILITIES[action] as Grant)[role];
}

export function can(role: Role, action: Capability): boolean {
  return reachOf(role, action) !== undefined;
}

/** The roles an action is granted to, in the table's order. */
export function rolesFor(action: Capability): Role[] {
  return Object.keys(CAPABILITIES[action]) as Role[];
}
