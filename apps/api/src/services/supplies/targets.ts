/**
 * Targets: each item's default rule (on the catalogue) and a school's own
 * rule where the centre sets one. The quantity is computed, never stored:
 * fixed, or heads on the roster × per day × days of cover.
 */
import { supplyFormula, supplyCell, type EffectiveTarget, type Language, type TargetRule } from '@campus/shared';
import type { z } from 'zod';
import type { SchoolTargetInput, TargetListQuery } from '@campus/shared';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { assertCan, scope, type Actor } from '../scope.js';
import { assertRuleFits } from './catalogue.js';
import { centreToday, ITEM_ORDER, itemRule, ruleOf, type ItemRow } from './common.js';
import { headsBySchool } from './figures.js';

async function effectiveTargets(db: Db, actor: Actor, filter: { schoolId?: string; itemId?: string }, language: Language): Promise<EffectiveTarget[]> {
  const rule = scope.supplies(actor);
  if (rule.schoolId && filter.schoolId && rule.schoolId !== filter.schoolId) return [];
  const schoolId = rule.schoolId ?? filter.schoolId;
  const [schools, items, overrides, heads, { today }] = await Promise.all([
    db.school.findMany({ where: schoolId ? { id: schoolId } : { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true } }),
    db.supplyItem.findMany({ where: filter.itemId ? { id: filter.itemId } : { active: true }, orderBy: [...ITEM_ORDER] }),
    db.schoolTarget.findMany({ where: { ...(schoolId ? { schoolId } : {}), ...(filter.itemId ? { itemId: filter.itemId } : {}) } }),
    headsBySchool(db, schoolId),
    centreToday(db),
  ]);
  const overrideOf = new Map(overrides.map((row) => [`${row.schoolId}:${row.itemId}`, ruleOf(row)]));
  return schools.flatMap((school) =>
    items.map((item) => {
      const schoolHeads = heads.get(school.id) ?? { everyone: 0, staff: 0 };
      const cell = targetCell(item, overrideOf.get(`${school.id}:${item.id}`) ?? null, schoolHeads, today);
      return {
        schoolId: school.id,
        schoolName: school.name,
        itemId: item.id,
        itemName: item.name,
        unit: item.unit,
        source: cell.targetSource,
        rule: cell.rule,
        heads: schoolHeads,
        target: cell.target,
        formula: supplyFormula('target', cell, { unit: item.unit, heads: schoolHeads, language }),
      };
    }),
  );
}

function targetCell(item: ItemRow, schoolRule: TargetRule | null, heads: { everyone: number; staff: number }, today: string) {
  return supplyCell({ itemId: item.id, unit: item.unit, kind: item.kind, onHand: 0, inTransit: 0, schoolRule, defaultRule: itemRule(item), heads, usedInWindow: 0, firstUseDay: null, today });
}

export async function listTargets(db: Db, actor: Actor, query: z.output<typeof TargetListQuery>, language: Language) {
  return { items: await effectiveTargets(db, actor, query, language) };
}

async function loadPair(db: Db, schoolId: string, itemId: string) {
  const [school, item] = await Promise.all([db.school.findUnique({ where: { id: schoolId }, select: { id: true } }), db.supplyItem.findUnique({ where: { id: itemId } })]);
  if (!school) throw new NotFoundError('School', schoolId);
  if (!item) throw new NotFoundError('SupplyItem', itemId);
  return item;
}

/** The centre gives one school its own target for an item (instead of the item's default). */
export async function setSchoolTarget(db: Db, actor: Actor, context: AuditContext, schoolId: string, itemId: string, input: z.output<typeof SchoolTargetInput>, language: Language): Promise<EffectiveTarget> {
  assertCan(actor, 'supplies.manage');
  const item = await loadPair(db, schoolId, itemId);
  assertRuleFits(input.rule, item.unit, 'rule');
  const rule = input.rule;
  const columns = {
    mode: rule.mode,
    quantity: rule.mode === 'fixed' ? rule.quantity : null,
    basis: rule.mode === 'per_head' ? rule.basis : null,
    perDay: rule.mode === 'per_head' ? rule.perDay : null,
    days: rule.mode === 'per_head' ? rule.days : null,
    updatedById: actor.userId,
  };
  await db.$transaction(async (tx) => {
    const saved = await tx.schoolTarget.upsert({ where: { schoolId_itemId: { schoolId, itemId } }, create: { schoolId, itemId, ...columns }, update: columns, select: { id: true } });
    await recordAudit(tx, context, { action: 'supply_target.set', entity: 'SchoolTarget', entityId: saved.id });
  });
  return (await effectiveTargets(db, actor, { schoolId, itemId }, language))[0]!;
}

/** Back to the item's default target. */
export async function clearSchoolTarget(db: Db, actor: Actor, context: AuditContext, schoolId: string, itemId: string, language: Language): Promise<EffectiveTarget> {
  assertCan(actor, 'supplies.manage');
  await loadPair(db, schoolId, itemId);
  await db.$transaction(async (tx) => {
    const removed = await tx.schoolTarget.deleteMany({ where: { schoolId, itemId } });
    if (removed.count) await recordAudit(tx, context, { action: 'supply_target.clear', entity: 'SchoolTarget', entityId: `${schoolId}:${itemId}` });
  });
  return (await effectiveTargets(db, actor, { schoolId, itemId }, language))[0]!;
}
