import type { ReactNode } from 'react';
import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ScanOutlined,
  CarryOutOutlined,
  ClearOutlined,
  PhoneOutlined,
  SafetyOutlined,
  SolutionOutlined,
  ContactsOutlined,
  EyeOutlined,
  ScheduleOutlined,
  HomeOutlined,
  KeyOutlined,
  MedicineBoxOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Me } from '@campus/shared';
import { dailyReportCan } from '@/features/daily-reports';
import { disinfectionCan } from '@/features/disinfection';
import { dutyCan } from '@/features/duty';
import { followUpCan } from '@/features/follow-ups';
import { gateCan } from '@/features/gate';
import { rosterCan } from '@/features/people';
import { quarantineCan } from '@/features/quarantine';
import { supplyCan } from '@/features/supplies';
import { can } from '@/lib/permissions';

export interface NavItem {
  /** The path, or an absolute URL for pages outside the app. */
  key: string;
  label: string;
  icon: ReactNode;
  external?: boolean;
}

export const API_DOCS_URL = '/api/docs';

/** The menu for a role: what each role can use, nothing it would get a 403 for. */
export function navItems(me: Me, t: TFunction): NavItem[] {
  const role = me.user.role;
  const items: NavItem[] = [{ key: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> }];
  if (followUpCan.record(role)) items.push({ key: '/follow-ups', label: t('nav.followUps'), icon: <PhoneOutlined aria-hidden /> });
  if (dailyReportCan.seeGrid(role)) items.push({ key: '/daily-reports', label: t('nav.dailyReports'), icon: <CarryOutOutlined aria-hidden /> });
  else if (dailyReportCan.seeSchoolDay(role) && me.school)
    items.push({ key: `/daily-reports/schools/${me.school.id}`, label: t('nav.schoolDailyReport'), icon: <CarryOutOutlined aria-hidden /> });
  if (quarantineCan.checkInToday(role)) items.push({ key: '/cases/today', label: t('quarantine.nav.today'), icon: <SolutionOutlined aria-hidden /> });
  if (quarantineCan.seeSchool(role)) items.push({ key: '/cases', label: t('quarantine.nav.cases'), icon: <SafetyOutlined aria-hidden /> });
  if (me.school && gateCan.register(me, me.school.id)) items.push({ key: '/gate', label: t('gate.nav.gate'), icon: <ScanOutlined aria-hidden /> });
  if (me.school && gateCan.book(role)) items.push({ key: '/gate/book', label: t('gate.nav.book'), icon: <BookOutlined aria-hidden /> });
  else if (gateCan.counts(role)) items.push({ key: '/gate/counts', label: t('gate.nav.counts'), icon: <ScanOutlined aria-hidden /> });
  if (dutyCan.seeGrid(role)) items.push({ key: '/duty/grid', label: t('duty.nav.grid'), icon: <EyeOutlined aria-hidden /> });
  else if (dutyCan.read(role) && me.school) items.push({ key: '/duty', label: t('duty.nav.day'), icon: <EyeOutlined aria-hidden /> });
  if (me.school && dutyCan.roster(me, me.school.id)) items.push({ key: '/duty/roster', label: t('duty.nav.roster'), icon: <ScheduleOutlined aria-hidden /> });
  if (disinfectionCan.seeGrid(role)) items.push({ key: '/disinfection/grid', label: t('disinfection.nav.grid'), icon: <ClearOutlined aria-hidden /> });
  else if (disinfectionCan.read(role) && me.school) items.push({ key: '/disinfection', label: t('disinfection.nav.day'), icon: <ClearOutlined aria-hidden /> });
  if (me.school && disinfectionCan.plan(me, me.school.id)) items.push({ key: '/disinfection/plan', label: t('disinfection.nav.plan'), icon: <ScheduleOutlined aria-hidden /> });
  if (supplyCan.seeTownship(role)) items.push({ key: '/supplies', label: t('supplies.nav.matrix'), icon: <MedicineBoxOutlined aria-hidden /> });
  else if (supplyCan.read(role) && me.school) items.push({ key: `/supplies/schools/${me.school.id}`, label: t('supplies.nav.school'), icon: <MedicineBoxOutlined aria-hidden /> });
  if (can.seeAllSchools(role)) items.push({ key: '/schools', label: t('nav.schools'), icon: <BankOutlined aria-hidden /> });
  else if (me.school) items.push({ key: `/schools/${me.school.id}`, label: t('nav.mySchool'), icon: <BankOutlined aria-hidden /> });
  items.push({ key: '/classes', label: role === 'class_teacher' ? t('nav.myClasses') : t('nav.classes'), icon: <TeamOutlined aria-hidden /> });
  if (rosterCan.read(role)) items.push({ key: '/people', label: t('nav.roster'), icon: <ContactsOutlined aria-hidden /> });
  if (can.seeAccounts(role)) items.push({ key: '/accounts', label: t('nav.accounts'), icon: <UserOutlined aria-hidden /> });
  if (can.editSettings(role)) items.push({ key: '/settings', label: t('nav.settings'), icon: <SettingOutlined aria-hidden /> });
  if (can.readAudit(role)) items.push({ key: '/audit', label: t('nav.audit'), icon: <AuditOutlined aria-hidden /> });
  if (can.readApiDocs(role)) items.push({ key: API_DOCS_URL, label: t('nav.apiDocs'), icon: <ApiOutlined aria-hidden />, external: true });
  items.push({ key: '/change-password', label: t('nav.changePassword'), icon: <KeyOutlined aria-hidden /> });
  return items;
}

/** The entry to highlight: the longest item path the current path starts with. */
export function selectedNavKey(items: NavItem[], pathname: string): string {
  let best = '/';
  for (const item of items) {
    if (item.external || item.key === '/') continue;
    if ((pathname === item.key || pathname.startsWith(`${item.key}/`)) && item.key.length > best.length) best = item.key;
  }
  return pathname === '/' || best !== '/' ? best : '';
}
