import {
  ApartmentOutlined, AuditOutlined, BellOutlined, DashboardOutlined, DatabaseOutlined, FileProtectOutlined, FileTextOutlined, HomeOutlined, SafetyCertificateOutlined,
  ShopOutlined, SolutionOutlined, UserOutlined, VerifiedOutlined, WalletOutlined,
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
  agreement: <FileProtectOutlined />,
  disclosure: <FileTextOutlined />,
  space: <WalletOutlined />,
  consent: <SolutionOutlined />,
  notification: <BellOutlined />,
};
