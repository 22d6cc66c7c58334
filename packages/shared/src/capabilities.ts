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
  // the township's structure and the centre's own screens
  'schools.write': CENTRE,
  /** Every school side by side (the web's school list and roster overview; lists of the others stay in scope). */
  'schools.readAll': TOWNSHIP_READ,
  'classes.write': { centre_admin: 'township', principal: 'school' },
  'census.write': CENTRE,
  'settings.write': CENTRE,
  /** The retention preview and purge. */
  'retention.manage': CENTRE,
  'audit.read': CENTRE,
  'apiDocs.read': CENTRE,
  /** ID numbers refused because another school holds them (身份证号冲突). */
  'idConflicts.manage': CENTRE,
  // roster (gate duty has no health or roster records)
  'people.read': { ...TOWNSHIP_READ, principal: 'school', class_teacher: 'classes' },
  /** Add, edit, import, leave and return; observers read only. */
  'people.write': { centre_admin: 'township', principal: 'school', class_teacher: 'classes' },
  'people.addStaff': { centre_admin: 'township', principal: 'school' },
  'people.transfer': CENTRE,
  /** The full ID number, one person at a time, audited. */
  'people.revealIdNumber': { centre_admin: 'township', principal: 'school', class_teacher: 'classes' },
  'people.exportFullIdNumbers': CENTRE,
  /** Every school's roster counts side by side. */
  'people.overview': TOWNSHIP_READ,
  // daily calls and reports
  /** Class teachers call their students; principals call their staff (and can open any class list). */
  'followUp.record': { principal: 'school', class_teacher: 'classes' },
  /** What was done about an exception. */
  'followUp.handling': { principal: 'school', centre_admin: 'township' },
  /** The school's day: classes, staff, exceptions, the school report. */
  'dailyReport.schoolDay': { ...TOWNSHIP_READ, principal: 'school' },
  'dailyReport.fileClass': { class_teacher: 'classes', principal: 'school' },
  'dailyReport.fileSchool': { principal: 'school' },
  /** The township's grid and its export. */
  'dailyReport.grid': TOWNSHIP_READ,
  // home quarantine (一人一案)
  'case.open': { principal: 'school', centre_admin: 'township' },
  /** A school's open and closed cases. */
  'case.school': { ...TOWNSHIP_READ, principal: 'school' },
  /** The centre's overview: open by day, alerts. */
  'case.overview': TOWNSHIP_READ,
  /** Check-ins on a case: the centre on any; principals and class teachers on their teams' cases (今日询问). */
  'case.checkIn': { centre_admin: 'township', principal: 'case_team', class_teacher: 'case_team' },
  // supplies
  'supplies.read': { ...TOWNSHIP_READ, principal: 'school', gate_duty: 'school' },
  /** The matrix, alerts, the centre's store, every school's transfers and requests. */
  'supplies.township': TOWNSHIP_READ,
  /** Arrivals, transfers, decisions on requests, the catalogue and targets. */
  'supplies.manage': CENTRE,
  /** Receipts, use, counts and reversals in a school's ledger. */
  'supplies.writeSchoolStock': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  /** Requests to the centre, withdrawing them, confirming a transfer's receipt: the school's own staff. */
  'supplies.request': { principal: 'school', gate_duty: 'school' },
  // campus: pictures and duty (值班值守)
  /** Pictures from a phone for a school's record (duty reports; later disinfection and teaching reports). */
  'uploads.create': { principal: 'school', gate_duty: 'school' },
  /** A school's duty days and reports with their pictures (observers see the grid only). */
  'duty.read': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  'duty.file': { principal: 'school', gate_duty: 'school' },
  /** Who is on duty which day, and the leader on duty. */
  'duty.roster': { centre_admin: 'township', principal: 'school' },
  /** Schools × days: filed on time, late, missing. */
  'duty.grid': TOWNSHIP_READ,
  // campus: the gate register (一问二测三登记), ADR 0022
  /** The gate's day: rules in force, inside / left / refused, today's approvals (gate staff see only the gate's own readings). */
  'gate.today': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  /** Register a visitor or a returning person, sign visitors out, look up the roster by name. */
  'gate.register': { principal: 'school', gate_duty: 'school' },
  /** The register of any day with filters, and its audited export. */
  'gate.book': { centre_admin: 'township', principal: 'school' },
  'gate.export': { centre_admin: 'township', principal: 'school' },
  /** 封闭管理 on or off, and the visitors pre-approved for a closed campus. */
  'gate.approve': { centre_admin: 'township', principal: 'school' },
  /** Refusals not yet seen: the principal's school; the centre's fevers. */
  'gate.alerts': { centre_admin: 'township', principal: 'school' },
  /** Visitors and refusals per school per day (counts only). */
  'gate.counts': TOWNSHIP_READ,
  // campus: disinfection (消毒), ADR 0023
  /** A school's plan, its day (plan vs done, the entries with their photos) and its compliance by day. */
  'disinfection.read': { centre_admin: 'township', principal: 'school', gate_duty: 'school' },
  /** The areas of a school's plan: what, how often, with what. */
  'disinfection.plan': { centre_admin: 'township', principal: 'school' },
  /** Log a round done (using up stock on the school's ledger) and reverse a mistaken one. */
  'disinfection.log': { principal: 'school', gate_duty: 'school' },
  /** Compliance per school per day and the schools overdue today. */
  'disinfection.grid': TOWNSHIP_READ,
  // remote learning (停课不停学), ADR 0025: observers see the township's figures only
  /** A class's study picture of a day. */
  'learning.class': { centre_admin: 'township', principal: 'school', class_teacher: 'classes' },
  /** A school's study figures with its classes. */
  'learning.school': { centre_admin: 'township', principal: 'school' },
  /** The township's figures over a range of days, per day and per school. */
  'learning.township': TOWNSHIP_READ,
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
