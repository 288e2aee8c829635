import { Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n/i18n.context';
import { SessionProvider, useSession } from './session/session.context';
import { setApiLanguage } from './api/api.client';
import { ROUTES, type RouteEntry } from './app.routes';
import { PortalLayout } from './layout/portal.layout';
import { ConsoleLayout } from './layout/console.layout';
import { ForbiddenPage, NotFoundPage } from './pages/status.page';

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </I18nProvider>
  );
}

/** True when the user asked the system for reduced motion (WCAG 2.3.3): the console then animates nothing. */
const REDUCED_MOTION = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function Themed({ children }: { children: React.ReactNode }) {
  const { locale } = useI18n();
  setApiLanguage(locale);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6, motion: !REDUCED_MOTION } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="page-loading">
      <Spin />
    </div>
  );
}

function Guard({ route }: { route: RouteEntry }) {
  const { me, access } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);
  if (route.access !== 'public') {
    if (me === undefined) return <PageLoading />;
    if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    if (!access[route.access]) return <ForbiddenPage />;
  }
  const Page = route.page;
  document.title = `${t(route.name)} · ${t('app.title')}`;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        {ROUTES.filter((r) => r.area === 'portal').map((r) => (
          <Route key={r.path} path={r.path} element={<Guard route={r} />} />
        ))}
      </Route>
      <Route element={<ConsoleLayout />}>
        {ROUTES.filter((r) => r.area === 'console').map((r) => (
          <Route key={r.path} path={r.path} element={<Guard route={r} />} />
        ))}
        <Route path="/console/*" element={<NotFoundPage />} />
      </Route>
      <Route element={<PortalLayout />}>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
