import { z } from 'zod';
import { Id, plainString } from './common.js';

/** The columns a roster file can have, with the header names schools really use. */
export const ImportField = z.enum([
  'name',
  'gender',
  'idNumber',
  'className',
  'studentNumber',
  'kind',
  'guardianName',
  'guardianRelation',
  'guardianPhone',
  'phone',
  'homeVillage',
  'address',
  'category',
  'whereabouts',
  'leftBehind',
  'deviceAccess',
  'notes',
]);
export type ImportField = z.infer<typeof ImportField>;

export const IMPORT_HEADERS: Record<ImportField, string[]> = {
  name: ['姓名', '学生姓名', '名字', 'name'],
  gender: ['性别', 'gender', 'sex'],
  idNumber: ['身份证号', '身份证号码', '身份证', '证件号码', '公民身份号码', 'id number', 'idnumber'],
  className: ['班级', '所在班级', '年级班级', 'class'],
  studentNumber: ['学号', '工号', '编号', '学籍号', 'student number', 'number'],
  kind: ['人员类别', '类别', '身份', 'kind'],
  guardianName: ['监护人', '监护人姓名', '家长', '家长姓名', 'guardian'],
  guardianRelation: ['关系', '与学生关系', '监护人关系', 'relation'],
  guardianPhone: ['联系电话', '家长电话', '监护人电话', '监护人手机', 'guardian phone'],
  phone: ['本人电话', '手机号', '手机', '本人手机', 'phone'],
  homeVillage: ['所在村', '村(社区)', '村社区', '村', 'village'],
  address: ['家庭住址', '住址', '家庭地址', '地址', 'address'],
  category: ['摸排分类', '分类', '人员分类', 'category'],
  whereabouts: ['去向', '目前所在地', '所在地', 'whereabouts'],
  leftBehind: ['留守儿童', '是否留守儿童', 'left-behind', 'left behind'],
  deviceAccess: ['学习设备', '上网设备', '设备', 'device'],
  notes: ['备注', 'notes'],
};

export const IMPORT_REQUIRED: ImportField[] = ['name'];

/** The template's columns, in order: every field but the staff member's own phone. */
export const TEMPLATE_FIELDS: ImportField[] = ImportField.options.filter((field) => field !== 'phone');

/** Header text → field, ignoring spaces, case and full-width forms. */
export function matchHeader(header: string): ImportField | null {
  const key = header.replace(/[\s\u3000*]/g, '').toLowerCase();
  for (const field of ImportField.options) {
    if (IMPORT_HEADERS[field].some((alias) => alias.replace(/\s/g, '').toLowerCase() === key)) return field;
  }
  return null;
}

export const ImportMapping = z.partialRecord(ImportField, plainString().max(60).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Form fields sent with the file (multipart): which school, and an optional header mapping. */
export const ImportOptions = z
  .object({
    schoolId: Id,
    mapping: z
      .string()
      .max(4000)
      .optional()
      .transform((value, context) => {
        if (!value) return undefined;
        try {
          return ImportMapping.parse(JSON.parse(value));
        } catch {
          context.addIssue({ code: 'custom', message: 'field.invalid_type' });
          return z.NEVER;
        }
      }),
    /** On commit: the checksum of the check the user saw; refused if the result would differ. */
    checksum: plainString().max(128).optional(),
  })
  .strict();

export const ImportAction = z.enum(['add', 'update', 'unchanged', 'reject']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportProblem = z.object({ field: z.string(), message: z.string() });

export const ImportRow = z.object({
  row: z.number().int(),
  action: ImportAction,
  name: z.string().nullable(),
  className: z.string().nullable(),
  matchedBy: z.enum(['id_number', 'student_number']).nullable(),
  /** Fields this row would change on an existing person. */
  changes: z.array(z.string()),
  problems: z.array(ImportProblem),
  /** Values that were normalised (full-width digits, spaces, x → X). */
  notes: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportCheck = z.object({
  headers: z.array(z.string()),
  mapping: ImportMapping,
  missingRequired: z.array(ImportField),
  rows: z.array(ImportRow),
  counts: z.object({ add: z.number().int(), update: z.number().int(), unchanged: z.number().int(), reject: z.number().int() }),
  checksum: z.string(),
});
export type ImportCheck = z.infer<typeof ImportCheck>;

export const ImportResult = z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;
