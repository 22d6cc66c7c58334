/**
 * The demo roster: 2,361 people as in the centre's report (全面摸排 2361 人),
 * 59 of them in home quarantine, with realistic names, villages, guardians,
 * left-behind children and device access for online study.
 */
import crypto from 'node:crypto';
import { idCheckCharacter } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { classSortKey, nameKeys, numberSortKey } from '../services/people/keys.js';
import { chineseName, seededRandom } from './names.js';

export const DEMO_PEOPLE_TOTAL = 2361;
export const DEMO_QUARANTINED = 59;

const VILLAGES = ['新桥村', '柳河村', '石门村', '双河村', '白果村', '龙泉村', '金竹村', '青杠村', '义和社区'];
/** 重庆市永川区 — a real region code shape for the demo ID numbers. */
const REGION = '500118';

/** Students per class by school kind and size (central schools have bigger classes). */
function classWeight(kind: string, classesPerGrade: number): number {
  if (kind === 'middle') return 44;
  if (kind === 'kindergarten') return 22;
  return classesPerGrade > 1 ? 40 : 16;
}

export function makeIdNumber(random: () => number, birth: Date, male: boolean): string {
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const sequence = Math.floor(random() * 50) * 2 + (male ? 1 : 0);
  const first17 = `${REGION}${date}${String(Math.floor(random() * 10))}${String(sequence).padStart(2, '0')}`;
  return first17 + idCheckCharacter(first17);
}

function birthDate(random: () => number, year: number): Date {
  return new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
}

function mobile(random: () => number): string {
  const prefixes = ['135', '136', '138', '139', '150', '151', '158', '166', '177', '180', '186', '187', '189', '199'];
  return prefixes[Math.floor(random() * prefixes.length)]! + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

function pick<T>(random: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

interface SeedSchool {
  id: string;
  code: string;
  kind: 'primary' | 'middle' | 'kindergarten';
  classesPerGrade: number;
  classes: { id: string; grade: number; name: string }[];
}

export async function seedDemoPeople(tx: Prisma.TransactionClient, schools: SeedSchool[]): Promise<number> {
  const random = seededRandom(2361);
  const categories = new Map((await tx.censusCategory.findMany()).map((category) => [category.code, category.id]));
  // Staff: every class's head teacher plus principal, gate and a few others per school.
  const staffPerSchool = schools.map((school) => school.classes.length + 3);
  const staffTotal = staffPerSchool.reduce((sum, count) => sum + count, 0);
  const studentTotal = DEMO_PEOPLE_TOTAL - staffTotal;
  const slots = schools.flatMap((school) => school.classes.map((schoolClass) => ({ school, schoolClass, weight: classWeight(school.kind, school.classesPerGrade) })));
  const weightSum = slots.reduce((sum, slot) => sum + slot.weight, 0);
  const perClass = slots.map((slot) => Math.floor((slot.weight / weightSum) * studentTotal));
  for (let index = 0; perClass.reduce((sum, count) => sum + count, 0) < studentTotal; index += 1) perClass[index % perClass.length]! += 1;

  const people: Prisma.PersonCreateManyInput[] = [];
  const guardians: Prisma.GuardianCreateManyInput[] = [];
  const numberBySchool = new Map<string, number>();
  const thisYear = 2026;

  slots.forEach((slot, slotIndex) => {
    const { school, schoolClass } = slot;
    const schoolClassKey = { grade: schoolClass.grade, name: schoolClass.name };
    for (let seat = 0; seat < perClass[slotIndex]!; seat += 1) {
      const male = random() < 0.52;
      const name = chineseName(random);
      const age = school.kind === 'kindergarten' ? 2 + schoolClass.grade : 5 + schoolClass.grade;
      const idNumber = makeIdNumber(random, birthDate(random, thisYear - age), male);
      const serial = (numberBySchool.get(school.id) ?? 0) + 1;
      numberBySchool.set(school.id, serial);
      const leftBehind = random() < 0.18;
      const village = VILLAGES[Math.floor(random() * VILLAGES.length)]!;
      const id = crypto.randomUUID();
      const keys = nameKeys(name);
      const studentNumber = `${school.code.slice(1)}${String(serial).padStart(4, '0')}`;
      people.push({
        id,
        schoolId: school.id,
        classId: schoolClass.id,
        kind: 'student',
        name,
        gender: male ? 'male' : 'female',
        idNumber,
        studentNumber,
        homeVillage: village,
        address: `义和镇${village}${1 + Math.floor(random() * 8)}组${1 + Math.floor(random() * 60)}号`,
        categoryId: categories.get('normal')!,
        whereabouts: 'home_township',
        leftBehind,
        deviceAccess: pick(random, [['smartphone', 62], ['tablet', 8], ['computer', 8], ['tv_only', 12], ['none', 10]] as const),
        guardianCanUseDevice: leftBehind ? random() < 0.35 : random() < 0.9,
        ...keys,
        sortClass: classSortKey(schoolClassKey, keys.sortName),
        sortNumber: numberSortKey(studentNumber),
      });
      const surname = name[0]!;
      const relation = leftBehind ? pick(random, [['祖母', 5], ['祖父', 3], ['外婆', 2]] as const) : pick(random, [['母亲', 5], ['父亲', 4], ['祖母', 1]] as const);
      const guardianName = relation === '父亲' || relation === '祖父' ? surname + chineseName(random).slice(1) : chineseName(random);
      guardians.push({ personId: id, position: 0, name: guardianName, relation, phone: mobile(random) });
      if (!leftBehind && random() < 0.5) guardians.push({ personId: id, position: 1, name: chineseName(random), relation: relation === '母亲' ? '父亲' : '母亲', phone: mobile(random) });
    }
  });

  schools.forEach((school, schoolIndex) => {
    for (let index = 0; index < staffPerSchool[schoolIndex]!; index += 1) {
      const male = random() < 0.4;
      const name = chineseName(random);
      const keys = nameKeys(name);
      const studentNumber = `JG${school.code.slice(1)}${String(index + 1).padStart(3, '0')}`;
      people.push({
        id: crypto.randomUUID(),
        schoolId: school.id,
        classId: null,
        kind: 'staff',
        name,
        gender: male ? 'male' : 'female',
        idNumber: makeIdNumber(random, birthDate(random, 1966 + Math.floor(random() * 34)), male),
        studentNumber,
        phone: mobile(random),
        homeVillage: VILLAGES[Math.floor(random() * VILLAGES.length)]!,
        categoryId: categories.get('normal')!,
        whereabouts: 'home_township',
        deviceAccess: pick(random, [['smartphone', 80], ['computer', 20]] as const),
        guardianCanUseDevice: null,
        ...keys,
        sortClass: classSortKey(null, keys.sortName),
        sortNumber: numberSortKey(studentNumber),
      });
    }
  });

  // The report's situation: 59 in home quarantine, others returned or in contact, a few away.
  const order = people.map((_, index) => index).sort(() => random() - 0.5);
  const assign = (count: number, apply: (person: Prisma.PersonCreateManyInput) => void) => {
    for (const index of order.splice(0, count)) apply(people[index]!);
  };
  assign(DEMO_QUARANTINED, (person) => (person.categoryId = categories.get('home_quarantine')!));
  assign(41, (person) => (person.categoryId = categories.get('returned_outside_city')!));
  assign(12, (person) => (person.categoryId = categories.get('key_region_contact')!));
  assign(6, (person) => (person.categoryId = categories.get('close_contact')!));
  assign(4, (person) => (person.categoryId = categories.get('unwell')!));
  assign(27, (person) => (person.whereabouts = 'outside_city'));
  assign(35, (person) => (person.whereabouts = 'in_city'));

  await tx.person.createMany({ data: people });
  await tx.guardian.createMany({ data: guardians });
  await tx.personEvent.createMany({ data: people.map((person) => ({ personId: person.id!, kind: 'imported' as const, byName: '教管中心' })) });
  return people.length;
}
