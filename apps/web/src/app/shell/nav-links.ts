import type { TFunction } from 'i18next';
import type { Me } from '@campus/shared';
import { dailyReportCan } from '@/features/daily-reports';
import { disinfectionCan } from '@/features/disinfection';
import { dutyCan } from '@/features/duty';
import { followUpCan } from '@/features/follow-ups';
import { gateCan } from '@/features/gate';
import { learningCan } from '@/features/learning';
import { rosterCan } from '@/features/people';
import { quarantineCan } from '@/features/quarantine';
import { supplyCan } from '@/features/supplies';
import { can } from '@/lib/permissions';

/** The icon of a link, by name: the antd shell draws antd's icon of that name; the phone home draws none. */
export type NavIcon = 'ApiOutlined' | 'AuditOutlined' | 'BankOutlined' | 'BookOutlined' | 'CarryOutOutlined' | 'ClearOutlined' | 'ContactsOutlined' | 'EyeOutlined' | 'HomeOutlined' | 'KeyOutlined' | 'MedicineBoxOutlined' | 'PhoneOutlined' | 'ReadOutlined' | 'SafetyOutlined' | 'ScanOutlined' | 'ScheduleOutlined' | 'SettingOutlined' | 'SolutionOutlined' | 'TeamOutlined' | 'UserOutlined';

export interface NavLink {
  /** The path, or an absolute URL for pages outside the app. */
  key: string;
  label: string;
  icon: NavIcon;
  external?: boolean;
}

export const API_DOCS_URL = '/api/docs';

/** The menu for a role: what each role can use, nothing it would get a 403 for. */
export function navLinks(me: Me, t: TFunction): NavLink[] {
  const role = me.user.role;
  const items: NavLink[] = [{ key: '/', label: t('nav.home'), icon: 'HomeOutlined' }];
  if (followUpCan.record(role)) items.push({ key: '/follow-ups', label: t('nav.followUps'), icon: 'PhoneOutlined' });
  if (dailyReportCan.seeGrid(role)) items.push({ key: '/daily-reports', label: t('nav.dailyReports'), icon: 'CarryOutOutlined' });
  else if (dailyReportCan.seeSchoolDay(role) && me.school)
    items.push({ key: `/daily-reports/schools/${me.school.id}`, label: t('nav.schoolDailyReport'), icon: 'CarryOutOutlined' });
  if (quarantineCan.checkInToday(role)) items.push({ key: '/cases/today', label: t('quarantine.nav.today'), icon: 'SolutionOutlined' });
  if (quarantineCan.seeSchool(role)) items.push({ key: '/cases', label: t('quarantine.nav.cases'), icon: 'SafetyOutlined' });
  if (me.school && gateCan.register(me, me.school.id)) items.push({ key: '/gate', label: t('gate.nav.gate'), icon: 'ScanOutlined' });
  if (me.school && gateCan.book(role)) items.push({ key: '/gate/book', label: t('gate.nav.book'), icon: 'BookOutlined' });
  else if (gateCan.counts(role)) items.push({ key: '/gate/counts', label: t('gate.nav.counts'), icon: 'ScanOutlined' });
  if (dutyCan.seeGrid(role)) items.push({ key: '/duty/grid', label: t('duty.nav.grid'), icon: 'EyeOutlined' });
  else if (dutyCan.read(role) && me.school) items.push({ key: '/duty', label: t('duty.nav.day'), icon: 'EyeOutlined' });
  if (me.school && dutyCan.roster(me, me.school.id)) items.push({ key: '/duty/roster', label: t('duty.nav.roster'), icon: 'ScheduleOutlined' });
  if (disinfectionCan.seeGrid(role)) items.push({ key: '/disinfection/grid', label: t('disinfection.nav.grid'), icon: 'ClearOutlined' });
  else if (disinfectionCan.read(role) && me.school) items.push({ key: '/disinfection', label: t('disinfection.nav.day'), icon: 'ClearOutlined' });
  if (me.school && disinfectionCan.plan(me, me.school.id)) items.push({ key: '/disinfection/plan', label: t('disinfection.nav.plan'), icon: 'ScheduleOutlined' });
  if (learningCan.township(role)) items.push({ key: '/learning/township', label: t('learning.nav.township'), icon: 'ReadOutlined' });
  else if (me.school && learningCan.school(me, me.school.id)) items.push({ key: '/learning', label: t('learning.nav.school'), icon: 'ReadOutlined' });
  if (supplyCan.seeTownship(role)) items.push({ key: '/supplies', label: t('supplies.nav.matrix'), icon: 'MedicineBoxOutlined' });
  else if (supplyCan.read(role) && me.school) items.push({ key: `/supplies/schools/${me.school.id}`, label: t('supplies.nav.school'), icon: 'MedicineBoxOutlined' });
  if (can.seeAllSchools(role)) items.push({ key: '/schools', label: t('nav.schools'), icon: 'BankOutlined' });
  else if (me.school) items.push({ key: `/schools/${me.school.id}`, label: t('nav.mySchool'), icon: 'BankOutlined' });
  items.push({ key: '/classes', label: role === 'class_teacher' ? t('nav.myClasses') : t('nav.classes'), icon: 'TeamOutlined' });
  if (rosterCan.read(role)) items.push({ key: '/people', label: t('nav.roster'), icon: 'ContactsOutlined' });
  if (can.seeAccounts(role)) items.push({ key: '/accounts', label: t('nav.accounts'), icon: 'UserOutlined' });
  if (can.editSettings(role)) items.push({ key: '/settings', label: t('nav.settings'), icon: 'SettingOutlined' });
  if (can.readAudit(role)) items.push({ key: '/audit', label: t('nav.audit'), icon: 'AuditOutlined' });
  if (can.readApiDocs(role)) items.push({ key: API_DOCS_URL, label: t('nav.apiDocs'), icon: 'ApiOutlined', external: true });
  items.push({ key: '/change-password', label: t('nav.changePassword'), icon: 'KeyOutlined' });
  return items;
}

/** The entry to highlight: the longest item path the current path starts with. */
export function selectedNavKey(items: readonly { key: string; external?: boolean }[], pathname: string): string {
  let best = '/';
  for (const item of items) {
    if (item.external || item.key === '/') continue;
    if ((pathname === item.key || pathname.startsWith(`${item.key}/`)) && item.key.length > best.length) best = item.key;
  }
  return pathname === '/' || best !== '/' ? best : '';
}
