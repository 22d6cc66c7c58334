import type { SchoolKind } from '../generated/prisma/enums.js';

/** 义和镇: the township of the source report, its schools and kindergartens. */
export const CENTRE_NAME = '义和镇教管中心';

export interface DemoSchool {
  code: string;
  name: string;
  kind: SchoolKind;
  /** classes per grade */
  classesPerGrade: number;
}

export const DEMO_SCHOOLS: DemoSchool[] = [
  { code: 'S01', name: '义和镇中心小学', kind: 'primary', classesPerGrade: 3 },
  { code: 'S02', name: '义和镇初级中学', kind: 'middle', classesPerGrade: 4 },
  { code: 'S03', name: '义和镇中心幼儿园', kind: 'kindergarten', classesPerGrade: 2 },
  { code: 'S04', name: '义和镇第二小学', kind: 'primary', classesPerGrade: 2 },
  { code: 'S05', name: '新桥村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S06', name: '柳河村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S07', name: '石门村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S08', name: '双河村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S09', name: '白果村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S10', name: '龙泉村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S11', name: '金竹村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S12', name: '青杠村小学', kind: 'primary', classesPerGrade: 1 },
  { code: 'S13', name: '义和镇第二初级中学', kind: 'middle', classesPerGrade: 2 },
  { code: 'S14', name: '义和镇第二幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S15', name: '新桥幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S16', name: '柳河幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S17', name: '石门幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S18', name: '双河幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S19', name: '白果幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S20', name: '龙泉幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S21', name: '金竹幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
  { code: 'S22', name: '青杠幼儿园', kind: 'kindergarten', classesPerGrade: 1 },
];

export function gradesOf(kind: SchoolKind): number[] {
  if (kind === 'kindergarten') return [1, 2, 3];
  if (kind === 'middle') return [7, 8, 9];
  return [1, 2, 3, 4, 5, 6];
}

export const DEMO_PASSWORD = 'campus2026';
