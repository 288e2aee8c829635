import {
  ApartmentOutlined, AuditOutlined, DashboardOutlined, DatabaseOutlined, HomeOutlined, SafetyCertificateOutlined, ShopOutlined, UserOutlined,
  VerifiedOutlined,
} from '@ant-design/icons';
import type { RouteEntry } from '../app.routes';

export const MENU_ICONS: Record<NonNullable<RouteEntry['icon']>, React.ReactNode> = {
  home: <HomeOutlined />,
  data: <DatabaseOutlined />,
  market: <ShopOutlined />,
  certificate: <SafetyCertificateOutlined />,
  verify: <VerifiedOutlined />,
  dashboard: <DashboardOutlined />,
  orgs: <ApartmentOutlined />,
  user: <UserOutlined />,
  ledger: <AuditOutlined />,
};
