import { Suspense, useState } from 'react';
import { App, Button, Drawer, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LoadingState } from '@/components/ui/loading-state';
import { useLogout } from '@/features/auth';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useOutbox } from '@/lib/offline/outbox';
import { AntdConfig } from './antd-config';
import { OutboxBar, useOutboxSession } from './outbox-bar';
import { navItems, selectedNavKey, type NavItem } from './nav-items';

function useSignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { modal } = App.useApp();
  const unsent = useOutbox().length;
  // The login page says "signed out" (the shell and its message area are gone by then).
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true, state: { signedOut: true } }) });
  // Saves still on this device are erased by signing out: said first (ADR 0024).
  return () => {
    if (!unsent) return signOut();
    void modal.confirm({
      title: t('followUps.outbox.signOutTitle'),
      content: t('followUps.outbox.signOutText', { count: unsent }),
      okText: t('followUps.outbox.signOutAnyway'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: signOut,
    });
  };
}

function NavMenu({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = selectedNavKey(items, location.pathname);
  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: item.icon,
    // The API reference is a page of the server, not of this app: a plain link that leaves it.
    label: item.external ? <a href={item.key}>{item.label}</a> : item.label,
  }));
  return (
    <nav aria-label={t('nav.mainNavigation')}>
      <Menu
        mode="inline"
        items={menuItems}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          const item = items.find((candidate) => candidate.key === key);
          if (!item || item.external) return;
          void navigate(item.key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}

function UserBadge() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <span className="user-badge">
      <Typography.Text strong>{me.user.displayName}</Typography.Text>
      <Typography.Text type="secondary"> · {t(`role.${me.user.role}`)}</Typography.Text>
    </span>
  );
}

/** antd's Layout.Content is the page's <main> landmark. */
function Main() {
  const me = useSession();
  const online = useOutboxSession(me);
  return (
    <Layout.Content id="main" tabIndex={-1} className="shell-content">
      <OutboxBar online={online} />
      <div className="shell-main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </div>
    </Layout.Content>
  );
}

/** Header + menu by role: a side menu on wide screens, a drawer on phones. */
export default function AppShell() {
  return (
    <AntdConfig>
      <Shell />
    </AntdConfig>
  );
}

function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const isPhone = useIsPhone();
  const signOut = useSignOut();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navItems(me, t);
  const forced = me.user.mustChangePassword;

  const skipLink = (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
  const signOutButton = (block: boolean) => (
    <Button icon={<LogoutOutlined aria-hidden />} onClick={signOut} block={block}>
      {t('nav.signOut')}
    </Button>
  );

  // First sign-in of an account someone else created: nothing but changing the password.
  if (forced) {
    return (
      <Layout className="shell">
        {skipLink}
        <Layout.Header className="shell-header">
          <Typography.Text strong className="header-title">
            {t('app.name')}
          </Typography.Text>
          <Flex gap={8} align="center">
            <LanguageSwitch />
            {signOutButton(false)}
          </Flex>
        </Layout.Header>
        <Main />
      </Layout>
    );
  }

  if (isPhone) {
    return (
      <Layout className="shell">
        {skipLink}
        <Layout.Header className="shell-header">
          <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} className="menu-button" />
          <Typography.Text strong className="header-title">
            {me.centre.name}
          </Typography.Text>
        </Layout.Header>
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={288}
          title={t('app.name')}
          closable={{ 'aria-label': t('common.close') }}
          classNames={{ body: 'drawer-body' }}
        >
          <div className="drawer-user">
            <UserBadge />
            {me.school ? <Typography.Text type="secondary">{me.school.name}</Typography.Text> : null}
          </div>
          <NavMenu items={items} onNavigate={() => setDrawerOpen(false)} />
          <Flex vertical gap={8} className="drawer-actions">
            <LanguageSwitch block />
            {signOutButton(true)}
          </Flex>
        </Drawer>
        <Main />
      </Layout>
    );
  }

  return (
    <Layout className="shell">
      {skipLink}
      <Layout.Sider width={224} className="shell-sider" theme="light">
        <div className="sider-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </div>
        <NavMenu items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <Typography.Text strong className="header-title">
            {me.centre.name}
          </Typography.Text>
          <Flex gap={12} align="center">
            <UserBadge />
            <LanguageSwitch />
            {signOutButton(false)}
          </Flex>
        </Layout.Header>
        <Main />
      </Layout>
    </Layout>
  );
}
