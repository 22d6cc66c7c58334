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

export type Catalogue = Record<string, string>;

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
  'field.pictures_min': '请至少添加一张照片或截图',
  'field.pictures_max': '最多 6 张照片',
  'field.pictures_repeated': '同一张照片添加了两次',
  'field.days_repeated': '同一天出现了两次',
  'field.duty_end_equals_start': '结束时间不能与开始时间相同',
  'field.duty_incidents_required': '请填写值班情况,或选择“无异常(零报告)”',
  'upload.not_a_picture': '“{name}”不是图片:请选择 JPG、PNG、WebP 或 HEIC 照片',
  'upload.too_large': '“{name}”超过 10 MB',
  'upload.too_many': '一次最多上传 6 张照片',
  'upload.unreadable': '“{name}”无法打开,照片可能已损坏',
  'upload.none': '没有收到照片',
  'upload.not_usable': '有照片不属于本校的这份报告,请重新添加',
  'duty.future_day': '不能提交未来日期的值班报告',
  'duty.too_old': '只能补报 31 天以内的值班报告',
  'duty.not_staff': '值班人员和带班领导须为本校在册教职工',
  'disinfection.not_in_plan': '该区域不在本校的消毒计划中',
  'disinfection.kind_unknown': '请从教管中心的区域类别中选择',
  'disinfection.item_unknown': '请选择一种在用的消耗类物资',
  'disinfection.name_taken': '本校已有同名的消毒区域',
  'disinfection.done_future': '消毒时间不能晚于现在',
  'disinfection.done_too_old': '只能补录昨天和今天的消毒记录',
  'disinfection.already_reversed': '这条消毒记录已经撤销',
  'supplies.disinfection_movement': '这笔出库来自消毒记录，请在“消毒”中撤销该记录',
  'field.disinfection_times': '请至少填写一个消毒时间',
  'field.disinfection_times_repeated': '消毒时间重复了',
  'gate.answers_count': '询问项已更新,请刷新页面后重新填写',
  'gate.approval_unknown': '该预约不是本校今天的预约,请重新选择',
  'gate.not_inside': '此人未登记入校,无需离校登记',
  'gate.out_before_in': '离校时间不能早于入校时间',
  'gate.out_in_future': '离校时间不能晚于现在',
  'gate.approval_past': '不能为已过去的日期预约',
  'gate.approval_too_far': '只能预约 30 天以内的来访',
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
  // people and import
  'field.phone': '电话号码格式不正确(手机 11 位,座机如 023-12345678)',
  'field.id_length': '身份证号应为 18 位',
  'field.id_characters': '身份证号只能是 17 位数字加一位数字或 X',
  'field.id_region': '身份证号的地区码不正确',
  'field.id_birth_date': '身份证号中的出生日期不正确',
  'field.id_check_digit': '身份证号校验位不正确,请核对',
  'field.id_lost_x': '身份证号只有 17 位,末尾的 X 可能被表格丢失',
  'field.id_scientific': '身份证号被表格转成了科学计数法(如 5.0E+17),数字已丢失;请将该列设为文本后重新录入',
  'field.id_taken': '该身份证号已登记在另一人名下',
  'field.student_number_taken': '该学号已在本校使用',
  'field.class_required': '学生必须属于一个班级',
  'field.same_school': '已在这所学校，请选择另一所学校',
  'field.class_other_school': '班级不属于该学校',
  'field.category_code': '代码为 2–32 位小写字母、数字或下划线',
  'field.category_taken': '该分类代码已存在',
  'field.not_your_class': '只能录入您所带班级的学生',
  'import.missing_name': '缺少姓名',
  'import.duplicate_in_file': '与第 {row} 行重复',
  'import.unknown_class': '找不到班级“{value}”',
  'import.unknown_value': '无法识别“{value}”',
  'import.unknown_category': '找不到摸排分类“{value}”',
  'import.file_unreadable': '无法读取该文件,请上传 .xlsx 或 .csv 文件',
  'import.file_empty': '文件中没有数据行',
  'import.too_many_rows': '一次最多导入 {max} 行',
  'import.missing_columns': '缺少必需的列:{columns}',
  'import.stale': '名册在检查后已有变化,请重新检查',
  'conflict.person_left': '此人已离校',
  'field.unreachable_reason': '未联系上时请说明原因',
  'field.place_required': '在市外时请填写所在地',
  'field.reason_only_when_not_studying': '只有未参加学习时才填写未学习的原因',
  'field.mode_only_when_studying': '参加了学习时才选择学习方式',
  'field.learning_future_day': '不能查看未来日期的学习情况',
  'field.learning_range_order': '结束日期不能早于开始日期',
  'field.learning_range_too_long': '一次最多查看 120 天',
  // follow-up record (issue 12)
  'field.unreachable_other': '选择“其他”时请写明原因',
  'followup.not_recorder': '只能为您所带班级的学生或本校教职工记录',
  'report.pending_people': '还有 {count} 人未联系,请先记录或标记为联系不上并说明原因',
  'report.already_filed': '该日报告已提交',
  'report.classes_not_filed': '还有 {count} 个班级未提交日报告;可注明原因代为提交',
  'report.future_day': '不能提交未来日期的报告',
  // supplies
  'field.quantity_positive': '数量必须大于 0',
  'field.quantity_decimals': '数量最多保留两位小数',
  'field.quantity_whole': '该物资按整数计量(个、双、瓶等),请输入整数',
  'field.date_time': '时间格式不正确',
  'field.future_time': '时间不能晚于现在',
  'field.item_duplicate': '同一物资只能填写一行',
  'field.lines_required': '请至少填写一种物资',
  'field.item_code': '代码为 2–32 位小写字母、数字或下划线,如 mask',
  'field.item_code_taken': '该物资代码已存在',
  'field.item_name_taken': '该物资名称已存在',
  'field.item_unknown': '物资不存在或已停用',
  'field.insufficient_stock': '超出现有库存',
  'field.discrepancy_note': '实收数量与发出数量不一致,请说明原因',
  'field.partial_reason': '部分批准时请说明原因',
  'field.approved_exceeds': '批准数量不能超过申请数量',
  'field.approve_nothing': '一项都不批准时请选择“不予批准”并说明原因',
  'field.lines_mismatch': '明细必须与原单据的物资一致',
  'field.sort_item_required': '按缺口或库存排序时请选择物资',
  'field.holder_school_required': '请选择学校',
  'supplies.insufficient_stock': '{item}库存不足:当前结存 {balance} {unit},本次需出库 {quantity} {unit}',
  'supplies.unit_locked': '该物资已有出入库记录,不能再修改计量单位',
  'supplies.already_reversed': '该记录已被冲销,不能重复冲销',
  'supplies.cannot_reverse_transfer': '调拨的出入库不能单独冲销;未签收的调拨单请撤销整张调拨单',
  'supplies.cannot_reverse_reversal': '冲销记录不能再冲销;请重新录入正确的数量',
  'supplies.transfer_not_in_transit': '该调拨单已签收或已撤销',
  'supplies.request_decided': '该申请已处理,不能重复审批',
  'supplies.request_not_pending': '该申请已处理或已撤回,不能撤回',
  // retention (data purge)
  'retention.no_end_date': '请先设置疫情结束日期',
  'retention.not_due': '保留期尚未届满:{day} 起才能清除',
  'retention.changed': '待清除的数据已变化(现为 {total} 条),请重新预览后再确认',
  // quarantine cases
  'field.end_before_start': '结束日期不能早于开始日期',
  'field.future_day': '日期不能晚于今天',
  'field.before_case_start': '日期不能早于隔离开始日期',
  'field.after_case_close': '日期不能晚于结案日期',
  'field.reason_note_required': '选择“其他”时请说明原因',
  'field.help_needed': '标记“需要帮助”时请写明需要什么帮助',
  'field.close_note_required': '提前解除、转医疗机构或其他结案时请说明情况',
  'field.team_member_invalid': '专班成员必须是本校在用的校园长或班主任账号',
  'field.extend_not_later': '延长后的结束日期必须晚于当前计划结束日期',
  'field.shorten_not_earlier': '缩短后的结束日期必须早于当前计划结束日期',
  'field.correction_day': '更正记录的日期必须与原记录相同',
  'field.check_in_unknown': '该询问记录不属于此案例',
  'field.follow_up_other_person': '该随访记录不属于此人',
  'field.return_before_close': '返校日期不能早于结案日期',
  'field.release_before_end': '尚未到计划结束日期;请选择“提前解除隔离”并说明原因',
  'field.close_before_check_in': '结案日期不能早于最后一次询问的日期',
  'quarantine.open_case_exists': '此人已有未结案的隔离案例,一人只能有一个在案案例',
  'quarantine.case_closed': '该案例已结案,不能再登记询问或修改',
  'quarantine.check_in_exists': '该日已有询问记录;如需修改请提交更正',
  'quarantine.already_corrected': '该记录已被更正;请在最新的记录上更正',
  'quarantine.not_closed': '案例尚未结案,不能登记返校',
  'quarantine.already_returned': '已登记返校',
  'quarantine.help_not_open': '该记录没有待解决的求助',
  'quarantine.not_team_member': '只有专班成员、校园长或教管中心可以登记',
  // conflicts
  'conflict.school_has_dependents': '该学校仍有 {classes} 个班级、{accounts} 个账号,不能删除;请改为停用',
  'conflict.school_has_records': '该学校已有名册或物资等记录,不能删除;请改为停用',
  'conflict.class_has_dependents': '该班级仍有人员,不能删除;请改为停用',
  'conflict.cannot_disable_self': '不能停用自己的账号',
  'conflict.version': '该记录已被他人修改,请刷新后再试',
  // auth hardening: a throttled sign-in waits minutes rather than hundreds of seconds
  too_many_requests_minutes: '尝试次数过多,请 {minutes} 分钟后再试',
  // issue 13: import scope, guardians, ID numbers held out of scope
  'field.id_unusable': '该身份证号无法在此登记,请联系教管中心',
  'import.not_in_scope': '您的名册中没有此人,此行不能导入',
  'import.guardian_name_required': '请填写监护人姓名',
  'conflict.id_conflict_resolved': '该冲突已处理',
  // issue 13 (hardening): input the server cannot store, days not on the calendar, resends
  'field.invalid_text': '含有无法保存的字符(控制字符或残缺字符),请重新输入',
  'field.date_invalid': '日历上没有这一天',
  'field.idempotency_key': 'Idempotency-Key 应为 8–100 个字母、数字、- 或 _',
  uri_too_long: '请求地址或请求头过长',
};

/**
 * The catalogues loaded: Chinese always; English once `registerMessages('en', …)` has run — the API does it
 * on start (index.ts imports messages-en.ts), the web only when someone chooses English (a smaller first load).
 */
export const sharedMessages: Partial<Record<Language, Catalogue>> & { 'zh-CN': Catalogue } = { 'zh-CN': zh };

export function registerMessages(language: Language, catalogue: Catalogue): void {
  sharedMessages[language] = catalogue;
}

export function translate(key: string, language: Language, params: Record<string, string | number> = {}): string {
  const template = sharedMessages[language]?.[key] ?? sharedMessages['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
