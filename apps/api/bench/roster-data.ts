/**
 * The roster benchmark's data: schools with classes, and people with valid,
 * distinct ID numbers, names from the demo seed's generator.
 */
import crypto from 'node:crypto';
import type { Prisma } from '../src/generated/prisma/client.js';
import type { Db } from '../src/db/client.js';
import { classSortKey, nameKeys, numberSortKey } from '../src/services/people/keys.js';
import { idCheckCharacter } from '@campus/shared';
import { chineseName, seededRandom } from '../src/seed/names.js';

/** A distinct valid ID number per serial: birth day and sequence spread from it. */
export function uniqueIdNumber(serial: number, region = '500118'): string {
  const birth = new Date(Date.UTC(2008, 0, 1 + (serial % 3650)));
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region}${date}${String(Math.floor(serial / 3650) % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export async function createSchools(db: Db, count: number, classesPerSchool: number, prefix = 'B') {
  const schools = [];
  for (let offset = 0; offset < count; offset += 500) {
    const batch = Array.from({ length: Math.min(500, count - offset) }, (_, index) => ({ id: crypto.randomUUID(), code: `${prefix}${offset + index + 1}`, name: `${prefix}基准学校${offset + index + 1}`, kind: 'primary' as const }));
    await db.school.createMany({ data: batch });
    const classes = batch.flatMap((school) => Array.from({ length: classesPerSchool }, (_, index) => ({ id: crypto.randomUUID(), schoolId: school.id, grade: 1 + (index % 6), name: `${1 + Math.floor(index / 6)}班` })));
    await db.schoolClass.createMany({ data: classes });
    for (const school of batch) schools.push({ ...school, classes: classes.filter((schoolClass) => schoolClass.schoolId === school.id) });
  }
  return schools;
}

export async function createPeople(db: Db, schools: Awaited<ReturnType<typeof createSchools>>, perSchool: number, seed: number) {
  const random = seededRandom(seed);
  const category = await db.censusCategory.findUniqueOrThrow({ where: { code: 'normal' } });
  const quarantine = await db.censusCategory.findUniqueOrThrow({ where: { code: 'home_quarantine' } });
  let batch: Prisma.PersonCreateManyInput[] = [];
  let serial = 0;
  const flush = async () => {
    if (batch.length) await db.person.createMany({ data: batch });
    batch = [];
  };
  for (const school of schools) {
    for (let index = 0; index < perSchool; index += 1) {
      const schoolClass = school.classes[index % school.classes.length]!;
      const name = chineseName(random);
      const keys = nameKeys(name);
      serial += 1;
      const studentNumber = String(serial);
      batch.push({
        schoolId: school.id,
        classId: schoolClass.id,
        kind: 'student',
        name,
        idNumber: uniqueIdNumber(serial),
        studentNumber,
        categoryId: random() < 0.03 ? quarantine.id : category.id,
        leftBehind: random() < 0.18,
        ...keys,
        sortClass: classSortKey(schoolClass, keys.sortName),
        sortNumber: numberSortKey(studentNumber),
      });
      if (batch.length >= 5000) await flush();
    }
  }
  await flush();
  return db.person.count();
}
