import { Button, Layout, Menu, Space } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { menuRoutes } from '../app.routes';
import { useI18n } from '../i18n/i18n.context';
import { useSession } from '../session/session.context';
import { LanguageSwitch } from './language.switch';
import { MENU_ICONS } from './menu.icons';
import './layout.css';

/** The public portal: no login needed. */
export function PortalLayout() {
  const { t } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = menuRoutes('portal', () => true).map((r) => ({ key: r.path, icon: r.icon ? MENU_ICONS[r.icon] : null, label: t(r.name) }));
  return (
    <Layout className="lt-portal">
      <Layout.Header className="lt-header">
        <Link to="/" className="lt-brand">
          {t('app.brand')}
        </Link>
        <Menu
          className="lt-portal-menu"
          theme="dark"
          mode="horizontal"
          selectedKeys={[location.pathname]}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
        <Space className="lt-header-actions" size="small">
          <LanguageSwitch />
          {me ? (
            <Button type="primary" size="small" onClick={() => navigate('/console')}>
              {t('common.openConsole')}
            </Button>
          ) : (
            <Button type="primary" size="small" onClick={() => navigate('/login')} data-testid="portal-login">
              {t('auth.login')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="lt-portal-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="lt-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
