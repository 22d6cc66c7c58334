/**
 * Messages the server and the browser both show: error codes and field-level
 * validation keys, in zh-CN (first) and en. The web app's own catalogue adds
 * the UI strings; these are shared so a field error reads the same whether the
 * browser or the server caught it.
 */
export const Languages = ['zh-CN', 'en'] as const;
export type Language = (typeof Languages)[number];

export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return 'zh-CN';
  return acceptLanguage.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

type Catalogue = Record<string, string>;

const zh: Catalogue = {
  // error codes
  validation_failed: '填写有误,请按提示修改',
  bad_request: '请求格式不正确',
  unauthenticated: '请先登录',
  invalid_credentials: '用户名或密码不正确',
  password_change_required: '请先修改初始密码',
  forbidden: '没有权限执行此操作',
  not_found: '未找到该记录',
  conflict: '与已有数据冲突',
  too_many_requests: '尝试次数过多,请 {seconds} 秒后再试',
  payload_too_large: '提交的内容过大',
  unsupported_media_type: '不支持的内容类型',
  cross_site_request: '拒绝跨站请求',
  internal_error: '服务器出错,请稍后再试',
  // field keys
  'field.required': '必填',
  'field.too_short': '至少 {min} 个字符',
  'field.too_long': '最多 {max} 个字符',
  'field.too_small': '不能小于 {min}',
  'field.too_big': '不能大于 {max}',
  'field.invalid_type': '格式不正确',
  'field.invalid_value': '请选择有效的选项',
  'field.unknown_field': '不允许的字段',
  'field.integer': '请输入整数',
  'field.username': '用户名为 3–32 位字母、数字、点、下划线或短横线',
  'field.password_weak': '密码至少 8 位,且需同时包含字母和数字',
  'field.password_same': '新密码不能与当前密码相同',
  'field.password_wrong': '当前密码不正确',
  'field.school_code': '学校代码为 1–16 位大写字母或数字,如 S01',
  'field.time_zone': '无效的时区',
  'field.time_of_day': '请输入 00:00–23:59 之间的时间',
  'field.school_required': '该角色必须属于一所学校',
  'field.school_forbidden': '该角色不属于任何学校',
  'field.role_not_allowed': '您不能创建或修改该角色的账号',
  'field.username_taken': '用户名已被使用',
  'field.school_code_taken': '学校代码已被使用',
  'field.school_name_taken': '学校名称已被使用',
  'field.class_taken': '该年级已有同名班级',
  'field.head_teacher_invalid': '班主任必须是本校的班主任或校园长账号',
  'field.school_inactive': '该学校已停用',
  'field.date': '日期格式应为 YYYY-MM-DD',
  // conflicts
  'conflict.school_has_dependents': '该学校仍有 {classes} 个班级、{accounts} 个账号,不能删除;请改为停用',
  'conflict.class_has_dependents': '该班级仍有人员,不能删除;请改为停用',
  'conflict.cannot_disable_self': '不能停用自己的账号',
  'conflict.version': '该记录已被他人修改,请刷新后再试',
};

const en: Catalogue = {
  validation_failed: 'Some fields need attention',
  bad_request: 'The request is malformed',
  unauthenticated: 'Please sign in',
  invalid_credentials: 'Wrong user name or password',
  password_change_required: 'Please change your initial password first',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  conflict: 'Conflicts with existing data',
  too_many_requests: 'Too many attempts; try again in {seconds} s',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'Unsupported content type',
  cross_site_request: 'Cross-site request refused',
  internal_error: 'Something went wrong on the server; please try again later',
  'field.required': 'Required',
  'field.too_short': 'At least {min} characters',
  'field.too_long': 'At most {max} characters',
  'field.too_small': 'Must be at least {min}',
  'field.too_big': 'Must be at most {max}',
  'field.invalid_type': 'Invalid format',
  'field.invalid_value': 'Choose a valid option',
  'field.unknown_field': 'Field not allowed',
  'field.integer': 'Enter a whole number',
  'field.username': 'User names are 3–32 letters, digits, dots, underscores or hyphens',
  'field.password_weak': 'At least 8 characters with both letters and digits',
  'field.password_same': 'The new password must differ from the current one',
  'field.password_wrong': 'The current password is wrong',
  'field.school_code': 'School codes are 1–16 capital letters or digits, e.g. S01',
  'field.time_zone': 'Unknown time zone',
  'field.time_of_day': 'Enter a time between 00:00 and 23:59',
  'field.school_required': 'This role must belong to a school',
  'field.school_forbidden': 'This role belongs to no school',
  'field.role_not_allowed': 'You cannot create or change accounts of this role',
  'field.username_taken': 'User name already taken',
  'field.school_code_taken': 'School code already taken',
  'field.school_name_taken': 'School name already taken',
  'field.class_taken': 'A class of that name already exists in this grade',
  'field.head_teacher_invalid': "The head teacher must be a class teacher or principal account of this school",
  'field.school_inactive': 'This school is deactivated',
  'field.date': 'Dates look like YYYY-MM-DD',
  'conflict.school_has_dependents': 'The school still has {classes} classes and {accounts} accounts and cannot be deleted; deactivate it instead',
  'conflict.class_has_dependents': 'The class still has people and cannot be deleted; deactivate it instead',
  'conflict.cannot_disable_self': 'You cannot disable your own account',
  'conflict.version': 'Someone else changed this record; reload and try again',
};

export const sharedMessages: Record<Language, Catalogue> = { 'zh-CN': zh, en };

export function translate(key: string, language: Language, params: Record<string, string | number> = {}): string {
  const template = sharedMessages[language][key] ?? sharedMessages['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
