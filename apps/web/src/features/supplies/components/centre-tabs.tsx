import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '@/lib/session';
import { supplyCan } from '../permissions';

/** The centre's supplies pages, as links styled as tabs (each its own route, so the address says where you are). */
export function CentreTabs() {
  const { t } = useTranslation();
  const me = useSession();
  const tabs = [
    { to: '/supplies', label: t('supplies.tabs.matrix'), end: true },
    { to: '/supplies/store', label: t('supplies.tabs.store') },
    { to: '/supplies/requests', label: t('supplies.tabs.requests') },
    { to: '/supplies/transfers', label: t('supplies.tabs.transfers') },
    ...(supplyCan.manage(me.user.role) ? [{ to: '/supplies/catalogue', label: t('supplies.tabs.catalogue') }] : []),
  ];
  return (
    <nav aria-label={t('supplies.tabs.label')} className="supply-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className={({ isActive }) => (isActive ? 'supply-tab supply-tab-active' : 'supply-tab')}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
