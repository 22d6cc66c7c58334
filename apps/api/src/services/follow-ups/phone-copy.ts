import { addDays, PhoneCopy } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { getCentre } from '../settings.js';
import { scope, type Actor } from '../scope.js';
import { todayOf } from '../../db/days.js';
import { worklist } from './follow-ups.js';

const ContactRow = PhoneCopy.shape.contacts.element;

/**
 * The class teacher's copy for the phone (issue 16): each of their classes'
 * lists for today and yesterday, with the full numbers to call (guardians in
 * their order, then the person's own). Others have no classes of their own
 * and get an empty copy. Each download is audited: it puts phone numbers on a device.
 */
export async function phoneCopy(db: Db, actor: Actor, context: AuditContext): Promise<PhoneCopy> {
  const today = todayOf(await getCentre(db));
  if (actor.role !== 'class_teacher') return { today, lists: [], contacts: [] };
  const classes = await db.schoolClass.findMany({ where: { ...scope.classes(actor), active: true }, select: { id: true }, orderBy: [{ grade: 'asc' }, { name: 'asc' }] });
  const lists = [];
  for (const { id } of classes) {
    for (const day of [today, addDays(today, -1)]) lists.push(await worklist(db, actor, { classId: id, day }));
  }
  const personIds = [...new Set(lists.flatMap((list) => list.items.map((item) => item.personId)))];
  const contacts = personIds.length
    ? await sqlRows(
        db,
        Prisma.sql`
          SELECT p.id AS "personId",
                 coalesce((SELECT json_agg(json_build_object('relation', g.relation, 'name', g.name, 'phone', g.phone) ORDER BY g.position)
                           FROM "Guardian" g WHERE g."personId" = p.id AND g.phone IS NOT NULL), '[]'::json)::jsonb
                 || CASE WHEN p.phone IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('relation', NULL, 'name', NULL, 'phone', p.phone)) END AS phones
          FROM "Person" p WHERE p.id = ANY(${personIds}::uuid[])`,
        { row: ContactRow },
      )
    : [];
  await recordAudit(db, context, { action: 'follow_up.phone_copy', entity: 'User', entityId: actor.userId });
  return { today, lists, contacts };
}
