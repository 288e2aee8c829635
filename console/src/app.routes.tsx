/**
 * The one route table of the console and portal. Each entry's `name` is also its menu i18n key
 * and its `access` a permission from access.ts; the layouts build their menus from this table and
 * the router refuses pages the user may not open. Pages are loaded lazily, one chunk each.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './locales/index';
import type { Permission } from './access';

export type Area = 'portal' | 'console';

export interface RouteEntry {
  path: string;
  name: MessageKey;
  access: Permission;
  area: Area;
  /** Shown in the area's menu. */
  menu: boolean;
  icon?: 'home' | 'data' | 'market' | 'certificate' | 'verify' | 'dashboard' | 'orgs' | 'user' | 'ledger';
  page: LazyExoticComponent<ComponentType>;
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const ROUTES: RouteEntry[] = [
  { path: '/', name: 'menu.portal.home', access: 'public', area: 'portal', menu: true, icon: 'home', page: page(() => import('./pages/portal/home.page')) },
  { path: '/open-data', name: 'menu.portal.openData', access: 'public', area: 'portal', menu: true, icon: 'data', page: page(() => import('./pages/portal/open-data.page')) },
  { path: '/market', name: 'menu.portal.market', access: 'public', area: 'portal', menu: true, icon: 'market', page: page(() => import('./pages/portal/market.page')) },
  { path: '/certificates/verify', name: 'menu.portal.certificates', access: 'public', area: 'portal', menu: true, icon: 'certificate', page: page(() => import('./pages/portal/certificates.page')) },
  { path: '/verify', name: 'menu.portal.verify', access: 'public', area: 'portal', menu: true, icon: 'verify', page: page(() => import('./pages/ledger/receipt-verify.page')) },
  { path: '/login', name: 'menu.login', access: 'public', area: 'portal', menu: false, page: page(() => import('./pages/auth/login.page')) },

  { path: '/console', name: 'menu.workbench', access: 'signedIn', area: 'console', menu: true, icon: 'dashboard', page: page(() => import('./pages/workbench/workbench.page')) },
  { path: '/console/orgs', name: 'menu.orgs', access: 'orgs.list', area: 'console', menu: true, icon: 'orgs', page: page(() => import('./pages/orgs/org-list.page')) },
  { path: '/console/orgs/new', name: 'menu.orgs.create', access: 'orgs.create', area: 'console', menu: false, page: page(() => import('./pages/orgs/org-create.page')) },
  { path: '/console/orgs/:orgId', name: 'menu.orgs.detail', access: 'orgs.list', area: 'console', menu: false, page: page(() => import('./pages/orgs/org-detail.page')) },
  { path: '/console/catalog/elements', name: 'menu.catalog.elements', access: 'catalog.elements', area: 'console', menu: true, icon: 'data', page: page(() => import('./pages/catalog/element-list.page')) },
  { path: '/console/catalog/resources', name: 'menu.catalog.resources', access: 'catalog.resources', area: 'console', menu: true, icon: 'data', page: page(() => import('./pages/catalog/resource-list.page')) },
  { path: '/console/catalog/resources/new', name: 'menu.catalog.resources.create', access: 'catalog.writeResources', area: 'console', menu: false, page: page(() => import('./pages/catalog/resource-create.page')) },
  { path: '/console/catalog/resources/:resourceId', name: 'menu.catalog.resources.detail', access: 'catalog.resources', area: 'console', menu: false, page: page(() => import('./pages/catalog/resource-detail.page')) },
  { path: '/console/ledger', name: 'menu.ledger', access: 'ledger.explore', area: 'console', menu: true, icon: 'ledger', page: page(() => import('./pages/ledger/ledger-explorer.page')) },
  { path: '/console/ledger/entries/:index', name: 'menu.ledger.entry', access: 'ledger.explore', area: 'console', menu: false, page: page(() => import('./pages/ledger/ledger-entry.page')) },
  { path: '/console/ledger/verify', name: 'menu.ledger.verify', access: 'ledger.explore', area: 'console', menu: true, icon: 'verify', page: page(() => import('./pages/ledger/receipt-verify.page')) },
  { path: '/console/account', name: 'menu.account', access: 'signedIn', area: 'console', menu: true, icon: 'user', page: page(() => import('./pages/account/account.page')) },
];

export function menuRoutes(area: Area, allowed: (p: Permission) => boolean): RouteEntry[] {
  return ROUTES.filter((r) => r.area === area && r.menu && allowed(r.access));
}
