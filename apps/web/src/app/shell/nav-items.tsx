import type { ReactNode } from 'react';
import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CarryOutOutlined,
  ClearOutlined,
  ContactsOutlined,
  EyeOutlined,
  HomeOutlined,
  KeyOutlined,
  MedicineBoxOutlined,
  PhoneOutlined,
  ReadOutlined,
  SafetyOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Me } from '@campus/shared';
import { navLinks, type NavIcon, type NavLink } from './nav-links';

export { API_DOCS_URL, selectedNavKey } from './nav-links';

export interface NavItem extends Omit<NavLink, 'icon'> {
  icon: ReactNode;
}

const ICONS: Record<NavIcon, ReactNode> = {
  ApiOutlined: <ApiOutlined aria-hidden />,
  AuditOutlined: <AuditOutlined aria-hidden />,
  BankOutlined: <BankOutlined aria-hidden />,
  BookOutlined: <BookOutlined aria-hidden />,
  CarryOutOutlined: <CarryOutOutlined aria-hidden />,
  ClearOutlined: <ClearOutlined aria-hidden />,
  ContactsOutlined: <ContactsOutlined aria-hidden />,
  EyeOutlined: <EyeOutlined aria-hidden />,
  HomeOutlined: <HomeOutlined aria-hidden />,
  KeyOutlined: <KeyOutlined aria-hidden />,
  MedicineBoxOutlined: <MedicineBoxOutlined aria-hidden />,
  PhoneOutlined: <PhoneOutlined aria-hidden />,
  ReadOutlined: <ReadOutlined aria-hidden />,
  SafetyOutlined: <SafetyOutlined aria-hidden />,
  ScanOutlined: <ScanOutlined aria-hidden />,
  ScheduleOutlined: <ScheduleOutlined aria-hidden />,
  SettingOutlined: <SettingOutlined aria-hidden />,
  SolutionOutlined: <SolutionOutlined aria-hidden />,
  TeamOutlined: <TeamOutlined aria-hidden />,
  UserOutlined: <UserOutlined aria-hidden />,
};

/** The antd shell's menu: the role's links (nav-links.ts) with antd's icons. */
export function navItems(me: Me, t: TFunction): NavItem[] {
  return navLinks(me, t).map((link) => ({ ...link, icon: ICONS[link.icon] }));
}
