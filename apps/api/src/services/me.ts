import type { Me } from '@campus/shared';
import type { Db } from '../db/client.js';
import { getCentre } from './settings.js';
import { scope, type Actor } from './scope.js';

export async function loadMe(db: Db, actor: Actor): Promise<Me> {
  const [user, centre, classes] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { id: true, username: true, displayName: true, role: true, mustChangePassword: true, school: { select: { id: true, code: true, name: true, kind: true } } },
    }),
    getCentre(db),
    actor.role === 'class_teacher'
      ? db.schoolClass.findMany({ where: { ...scope.classes(actor), active: true }, select: { id: true, grade: true, name: true }, orderBy: [{ grade: 'asc' }, { name: 'asc' }] })
      : Promise.resolve([]),
  ]);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword },
    school: user.school,
    classes,
    centre: { name: centre.name, timeZone: centre.timeZone, feverThreshold: Number(centre.feverThreshold) },
  };
}
