import { useEffect, useState } from 'react';
import { Avatar, Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/api.client';
import { menuRoutes } from '../app.routes';
import { INBOX_CHANGED } from './inbox.events';
import { useI18n } from '../i18n/i18n.context';
import { useSession } from '../session/session.context';
import { LanguageSwitch } from './language.switch';
import { MENU_ICONS } from './menu.icons';
import './layout.css';

/** The signed-in console: side menu from the route table, filtered by access.ts. */
export function ConsoleLayout() {
  const { t, locale } = useI18n();
  const { me, access, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);
  const items = menuRoutes('console', (p) => access[p]).map((r) => ({ key: r.path, icon: r.icon ? MENU_ICONS[r.icon] : null, label: t(r.name) }));
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  const orgName = me?.organisation ? (locale === 'zh-CN' ? me.organisation.name.zh : me.organisation.name.en) : '';
  return (
    <Layout className="lt-console">
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 64}
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        trigger={null}
        className={narrow ? 'lt-sider lt-sider-overlay' : 'lt-sider'}
        width={220}
      >
        <Link to="/" className="lt-brand lt-sider-brand">
          {collapsed && !narrow ? t('app.brandShort') : t('app.brand')}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => {
            navigate(e.key);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="lt-header lt-console-header">
          <Button
            type="text"
            className="lt-menu-toggle"
            aria-label={t('common.toggleMenu')}
            icon={<MenuOutlined />}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Space className="lt-header-actions" size="small">
            <LanguageSwitch />
            {me && access['notifications.inbox'] && <InboxBell />}
            {me && (
              <Dropdown
                menu={{
                  items: [
                    { key: 'account', icon: <UserOutlined />, label: t('menu.account') },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
                  ],
                  onClick: async (e) => {
                    if (e.key === 'account') navigate('/console/account');
                    if (e.key === 'logout') {
                      await logout();
                      navigate('/login');
                    }
                  },
                }}
              >
                <Button type="text" data-testid="user-menu" className="lt-user-button">
                  <Avatar size="small" icon={<UserOutlined />} />
                  <Typography.Text ellipsis className="lt-user-name">
                    {me.user?.displayName ?? me.organisation?.name.zh}
                    <span className="lt-user-org">{orgName}</span>
                  </Typography.Text>
                </Button>
              </Dropdown>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content className="lt-console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * The organisation's unread notifications, counted again on every page change and whenever the
 * inbox page marks entries read; leads to the inbox. Silent when the count cannot be had.
 */
function InboxBell() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const again = () => setRound((r) => r + 1);
    window.addEventListener(INBOX_CHANGED, again);
    return () => window.removeEventListener(INBOX_CHANGED, again);
  }, []);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: true, page: 1, pageSize: 1 } } }))
      .then((r) => live && setUnread(r.unread))
      .catch(() => live && setUnread(0));
    return () => {
      live = false;
    };
  }, [location.pathname, round]);
  return (
    <Button type="text" aria-label={t('common.inboxBell', { count: unread })} onClick={() => navigate('/console/notifications')} data-testid="inbox-bell" data-unread={unread}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 16 }} />
      </Badge>
    </Button>
  );
}
