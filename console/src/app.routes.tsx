/**
 * The one route table of the console and portal. Each entry's `name` is also its menu i18n key
 * and its `access` a permission from access.ts; the layouts build their menus from this table and
 * the router refuses pages the user may not open. Pages are loaded lazily, one chunk each, together
 * with the locale areas (`locales`) whose strings they show — the core areas (common, menu, auth,
 * errors, portal) are always there; test/console/locale-areas.test.ts checks every route lists the
 * areas its page's modules use.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadAreas } from './i18n/i18n.context';
import type { LocaleArea, MessageKey } from './locales/index';
import type { Permission } from './access';

export type Area = 'portal' | 'console';

export interface RouteEntry {
  path: string;
  name: MessageKey;
  access: Permission;
  area: Area;
  /** Shown in the area's menu. */
  menu: boolean;
  icon?: 'home' | 'data' | 'market' | 'certificate' | 'verify' | 'dashboard' | 'orgs' | 'user' | 'ledger' | 'agreement' | 'disclosure' | 'space' | 'consent' | 'notification';
  /** The locale areas the page shows besides the core ones, loaded with its chunk. */
  locales: LocaleArea[];
  page: LazyExoticComponent<ComponentType>;
}

type RouteDef = Omit<RouteEntry, 'page'> & { load: () => Promise<{ default: ComponentType }> };

const TABLE: RouteDef[] = [
  { path: '/', name: 'menu.portal.home', access: 'public', area: 'portal', menu: true, icon: 'home', locales: [], load: () => import('./pages/portal/home.page') },
  { path: '/open-data', name: 'menu.portal.openData', access: 'public', area: 'portal', menu: true, icon: 'data', locales: ['catalog', 'opendata', 'search'], load: () => import('./pages/opendata/open-data.page') },
  { path: '/open-data/apps', name: 'menu.portal.openApps', access: 'public', area: 'portal', menu: false, locales: ['opendata'], load: () => import('./pages/opendata/apps.page') },
  { path: '/open-data/terms', name: 'menu.portal.openTerms', access: 'public', area: 'portal', menu: false, locales: ['opendata'], load: () => import('./pages/opendata/terms.page') },
  { path: '/open-data/:resourceId', name: 'menu.portal.openDataset', access: 'public', area: 'portal', menu: false, locales: ['catalog', 'opendata'], load: () => import('./pages/opendata/dataset.page') },
  { path: '/market', name: 'menu.portal.market', access: 'public', area: 'portal', menu: true, icon: 'market', locales: ['exchange'], load: () => import('./pages/exchange/market.page') },
  { path: '/market/disclosure', name: 'menu.portal.marketDisclosure', access: 'public', area: 'portal', menu: true, icon: 'disclosure', locales: ['exchange', 'trade'], load: () => import('./pages/exchange/market-disclosure.page') },
  { path: '/market/:listingId', name: 'menu.portal.marketListing', access: 'public', area: 'portal', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/market-listing.page') },
  { path: '/verify/certificate', name: 'menu.portal.certificates', access: 'public', area: 'portal', menu: true, icon: 'certificate', locales: ['authorization', 'certificates', 'space'], load: () => import('./pages/certificates/certificate-verify.page') },
  { path: '/certificates/verify', name: 'menu.portal.certificates', access: 'public', area: 'portal', menu: false, locales: ['authorization', 'certificates', 'space'], load: () => import('./pages/certificates/certificate-verify.page') },
  { path: '/verify', name: 'menu.portal.verify', access: 'public', area: 'portal', menu: true, icon: 'verify', locales: ['ledger'], load: () => import('./pages/ledger/receipt-verify.page') },
  { path: '/verify/licence', name: 'menu.portal.licenceVerify', access: 'public', area: 'portal', menu: true, icon: 'certificate', locales: ['authorization', 'licences', 'space'], load: () => import('./pages/licences/licence-verify.page') },
  { path: '/disclosures', name: 'menu.portal.disclosures', access: 'public', area: 'portal', menu: true, icon: 'disclosure', locales: ['authorization'], load: () => import('./pages/authorization/disclosure-list.page') },
  { path: '/disclosures/:disclosureId', name: 'menu.portal.disclosure', access: 'public', area: 'portal', menu: false, locales: ['authorization'], load: () => import('./pages/authorization/disclosure-detail.page') },
  { path: '/registry', name: 'menu.portal.registry', access: 'public', area: 'portal', menu: true, icon: 'disclosure', locales: ['authorization', 'registry'], load: () => import('./pages/registry/public-register.page') },
  { path: '/exchange', name: 'menu.portal.exchange', access: 'public', area: 'portal', menu: true, icon: 'disclosure', locales: ['exchange'], load: () => import('./pages/exchange/market-participants.page') },
  { path: '/login', name: 'menu.login', access: 'public', area: 'portal', menu: false, locales: [], load: () => import('./pages/auth/login.page') },
  { path: '/signup', name: 'menu.signup', access: 'public', area: 'portal', menu: false, locales: ['signup'], load: () => import('./pages/auth/signup.page') },

  { path: '/console', name: 'menu.workbench', access: 'signedIn', area: 'console', menu: true, icon: 'dashboard', locales: ['workbench'], load: () => import('./pages/workbench/workbench.page') },
  { path: '/console/orgs', name: 'menu.orgs', access: 'orgs.list', area: 'console', menu: true, icon: 'orgs', locales: ['orgs'], load: () => import('./pages/orgs/org-list.page') },
  { path: '/console/orgs/new', name: 'menu.orgs.create', access: 'orgs.create', area: 'console', menu: false, locales: ['orgs'], load: () => import('./pages/orgs/org-create.page') },
  { path: '/console/orgs/:orgId', name: 'menu.orgs.detail', access: 'orgs.list', area: 'console', menu: false, locales: ['authorization', 'catalog', 'orgs', 'registry'], load: () => import('./pages/orgs/org-detail.page') },
  { path: '/console/catalog/elements', name: 'menu.catalog.elements', access: 'catalog.elements', area: 'console', menu: true, icon: 'data', locales: ['catalog'], load: () => import('./pages/catalog/element-list.page') },
  { path: '/console/catalog/resources', name: 'menu.catalog.resources', access: 'catalog.resources', area: 'console', menu: true, icon: 'data', locales: ['catalog'], load: () => import('./pages/catalog/resource-list.page') },
  { path: '/console/catalog/search', name: 'menu.catalog.search', access: 'catalog.resources', area: 'console', menu: true, icon: 'data', locales: ['search'], load: () => import('./pages/catalog/search.page') },
  { path: '/console/catalog/resources/new', name: 'menu.catalog.resources.create', access: 'catalog.writeResources', area: 'console', menu: false, locales: ['catalog'], load: () => import('./pages/catalog/resource-create.page') },
  { path: '/console/catalog/resources/:resourceId', name: 'menu.catalog.resources.detail', access: 'catalog.resources', area: 'console', menu: false, locales: ['catalog', 'quality', 'sharing'], load: () => import('./pages/catalog/resource-detail.page') },
  { path: '/console/sharing/requests', name: 'menu.sharing.requests', access: 'sharing.requests', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'sharing'], load: () => import('./pages/sharing/my-requests.page') },
  { path: '/console/sharing/approvals', name: 'menu.sharing.approvals', access: 'sharing.requests', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'sharing'], load: () => import('./pages/sharing/approvals.page') },
  { path: '/console/sharing/data', name: 'menu.sharing.data', access: 'sharing.requests', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'sharing'], load: () => import('./pages/sharing/granted-data.page') },
  { path: '/console/catalog/systems', name: 'menu.lists.systems', access: 'lists.systems', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'lists'], load: () => import('./pages/catalog/system-list.page') },
  { path: '/console/catalog/demands', name: 'menu.lists.demands', access: 'lists.demands', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'lists'], load: () => import('./pages/catalog/demand-list.page') },
  { path: '/console/catalog/lists', name: 'menu.lists.overview', access: 'lists.overview', area: 'console', menu: true, icon: 'dashboard', locales: ['lists'], load: () => import('./pages/catalog/lists-overview.page') },
  { path: '/console/catalog/census', name: 'menu.lists.census', access: 'lists.census', area: 'console', menu: true, icon: 'data', locales: ['lists'], load: () => import('./pages/catalog/census-import.page') },
  { path: '/console/catalog/important-data', name: 'menu.lists.importantData', access: 'lists.importantData', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'lists'], load: () => import('./pages/catalog/important-data.page') },
  { path: '/console/cdo/appointments', name: 'menu.cdo.appointments', access: 'cdo.appointments', area: 'console', menu: true, icon: 'user', locales: ['cdo'], load: () => import('./pages/cdo/cdo-appointments.page') },
  { path: '/console/cdo/evaluation', name: 'menu.cdo.evaluation', access: 'cdo.oversight', area: 'console', menu: true, icon: 'dashboard', locales: ['cdo'], load: () => import('./pages/cdo/cdo-evaluation.page') },
  { path: '/console/cdo/indicators', name: 'menu.cdo.indicators', access: 'cdo.indicators', area: 'console', menu: true, icon: 'dashboard', locales: ['cdo'], load: () => import('./pages/cdo/cdo-indicators.page') },
  { path: '/console/cdo/dcmm', name: 'menu.cdo.dcmm', access: 'cdo.dcmm', area: 'console', menu: true, icon: 'data', locales: ['cdo'], load: () => import('./pages/cdo/cdo-dcmm.page') },
  { path: '/console/opendata/developer', name: 'menu.opendata.developer', access: 'opendata.developer', area: 'console', menu: true, icon: 'data', locales: ['opendata'], load: () => import('./pages/opendata/developer.page') },
  { path: '/console/opendata/applications', name: 'menu.opendata.applications', access: 'opendata.decide', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'opendata'], load: () => import('./pages/opendata/applications-review.page') },
  { path: '/console/opendata/apps', name: 'menu.opendata.apps', access: 'opendata.reviewApps', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'opendata'], load: () => import('./pages/opendata/apps-review.page') },
  { path: '/console/gateway/grants', name: 'menu.gateway.grants', access: 'gateway.grants', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'gateway'], load: () => import('./pages/gateway/my-grants.page') },
  { path: '/console/gateway/issued', name: 'menu.gateway.issued', access: 'gateway.grants', area: 'console', menu: true, icon: 'data', locales: ['catalog', 'gateway'], load: () => import('./pages/gateway/issued-grants.page') },
  { path: '/console/authorization/agreements', name: 'menu.authorization.agreements', access: 'authorization.agreements', area: 'console', menu: true, icon: 'agreement', locales: ['authorization', 'catalog'], load: () => import('./pages/authorization/agreement-list.page') },
  { path: '/console/authorization/agreements/new', name: 'menu.authorization.apply', access: 'authorization.apply', area: 'console', menu: false, locales: ['authorization', 'catalog'], load: () => import('./pages/authorization/agreement-apply.page') },
  { path: '/console/authorization/agreements/:agreementId', name: 'menu.authorization.agreement', access: 'authorization.agreements', area: 'console', menu: false, locales: ['authorization', 'catalog'], load: () => import('./pages/authorization/agreement-detail.page') },
  { path: '/console/authorization/disclosures', name: 'menu.authorization.disclosures', access: 'authorization.agreements', area: 'console', menu: true, icon: 'disclosure', locales: ['authorization'], load: () => import('./pages/authorization/disclosure.page') },
  { path: '/console/authorization/licences', name: 'menu.authorization.licences', access: 'licences.view', area: 'console', menu: true, icon: 'certificate', locales: ['authorization', 'licences', 'orgs', 'space'], load: () => import('./pages/licences/licence-list.page') },
  { path: '/console/certificates', name: 'menu.certificates', access: 'certificates.wallet', area: 'console', menu: true, icon: 'certificate', locales: ['authorization', 'catalog', 'certificates', 'space'], load: () => import('./pages/certificates/certificate-list.page') },
  { path: '/console/certificates/:certificateId', name: 'menu.certificates.detail', access: 'certificates.wallet', area: 'console', menu: false, locales: ['authorization', 'catalog', 'certificates', 'space'], load: () => import('./pages/certificates/certificate-detail.page') },
  { path: '/console/registry', name: 'menu.registry', access: 'registry.applications', area: 'console', menu: true, icon: 'agreement', locales: ['authorization', 'catalog', 'registry'], load: () => import('./pages/registry/registry-list.page') },
  { path: '/console/registry/new', name: 'menu.registry.new', access: 'registry.apply', area: 'console', menu: false, locales: ['authorization', 'registry'], load: () => import('./pages/registry/application-form.page') },
  { path: '/console/registry/applications/:applicationId', name: 'menu.registry.application', access: 'signedIn', area: 'console', menu: false, locales: ['authorization', 'catalog', 'registry', 'valuation'], load: () => import('./pages/registry/application-detail.page') },
  { path: '/console/registry/applications/:applicationId/edit', name: 'menu.registry.edit', access: 'registry.apply', area: 'console', menu: false, locales: ['authorization', 'registry'], load: () => import('./pages/registry/application-form.page') },
  { path: '/console/registry/reviews', name: 'menu.registry.reviews', access: 'registry.review', area: 'console', menu: true, icon: 'consent', locales: ['authorization', 'catalog', 'registry'], load: () => import('./pages/registry/review-cases.page') },
  { path: '/console/registry/all', name: 'menu.registry.all', access: 'registry.oversee', area: 'console', menu: true, icon: 'agreement', locales: ['authorization', 'catalog', 'registry'], load: () => import('./pages/registry/registry-all.page') },
  { path: '/console/registry/reviewers', name: 'menu.registry.reviewers', access: 'registry.oversee', area: 'console', menu: true, icon: 'user', locales: ['authorization', 'catalog', 'registry'], load: () => import('./pages/registry/reviewer-pool.page') },
  { path: '/console/registry/accounting', name: 'menu.registry.accounting', access: 'registry.accounting', area: 'console', menu: true, icon: 'ledger', locales: ['authorization', 'valuation'], load: () => import('./pages/registry/accounting.page') },
  { path: '/console/registry/applications/:applicationId/valuations/new', name: 'menu.registry.valuationNew', access: 'registry.apply', area: 'console', menu: false, locales: ['authorization', 'valuation'], load: () => import('./pages/registry/valuation-form.page') },
  { path: '/console/registry/valuations/:valuationId', name: 'menu.registry.valuation', access: 'signedIn', area: 'console', menu: false, locales: ['authorization', 'registry', 'valuation'], load: () => import('./pages/registry/valuation-report.page') },
  { path: '/console/exchange/membership', name: 'menu.exchange.membership', access: 'exchange.membership', area: 'console', menu: true, icon: 'market', locales: ['exchange'], load: () => import('./pages/exchange/membership.page') },
  { path: '/console/exchange/members', name: 'menu.exchange.members', access: 'exchange.review', area: 'console', menu: true, icon: 'consent', locales: ['exchange'], load: () => import('./pages/exchange/member-review.page') },
  { path: '/console/exchange/members/:memberId', name: 'menu.exchange.member', access: 'signedIn', area: 'console', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/member-detail.page') },
  { path: '/console/exchange/brokers', name: 'menu.exchange.brokers', access: 'exchange.brokers', area: 'console', menu: true, icon: 'user', locales: ['exchange'], load: () => import('./pages/exchange/broker-register.page') },
  { path: '/console/exchange/mandates', name: 'menu.exchange.mandates', access: 'exchange.mandates', area: 'console', menu: true, icon: 'agreement', locales: ['exchange'], load: () => import('./pages/exchange/mandate-list.page') },
  { path: '/console/exchange/listings', name: 'menu.exchange.listings', access: 'exchange.listings', area: 'console', menu: true, icon: 'market', locales: ['exchange'], load: () => import('./pages/exchange/listing-list.page') },
  { path: '/console/exchange/listings/new', name: 'menu.exchange.listingNew', access: 'exchange.list', area: 'console', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/listing-form.page') },
  { path: '/console/exchange/listings/:listingId', name: 'menu.exchange.listing', access: 'exchange.listings', area: 'console', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/listing-detail.page') },
  { path: '/console/exchange/listings/:listingId/edit', name: 'menu.exchange.listingEdit', access: 'exchange.list', area: 'console', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/listing-form.page') },
  { path: '/console/exchange/negotiations', name: 'menu.exchange.negotiations', access: 'exchange.negotiations', area: 'console', menu: true, icon: 'agreement', locales: ['exchange'], load: () => import('./pages/exchange/negotiation-list.page') },
  { path: '/console/exchange/negotiations/:negotiationId', name: 'menu.exchange.negotiation', access: 'exchange.negotiations', area: 'console', menu: false, locales: ['exchange', 'trade'], load: () => import('./pages/exchange/negotiation-detail.page') },
  { path: '/console/exchange/negotiations/:negotiationId/contract', name: 'menu.exchange.contract', access: 'exchange.negotiations', area: 'console', menu: false, locales: ['exchange'], load: () => import('./pages/exchange/contract.page') },
  { path: '/console/exchange/books', name: 'menu.exchange.books', access: 'exchange.books', area: 'console', menu: true, icon: 'ledger', locales: ['trade'], load: () => import('./pages/exchange/books.page') },
  { path: '/console/exchange/settlements', name: 'menu.exchange.settlements', access: 'exchange.settlements', area: 'console', menu: true, icon: 'ledger', locales: ['trade'], load: () => import('./pages/exchange/settlements.page') },
  { path: '/console/exchange/settlements/:batchId', name: 'menu.exchange.settlementBatch', access: 'exchange.books', area: 'console', menu: false, locales: ['trade'], load: () => import('./pages/exchange/settlement-batch.page') },
  { path: '/console/exchange/disputes', name: 'menu.exchange.disputes', access: 'exchange.disputes', area: 'console', menu: true, icon: 'consent', locales: ['trade'], load: () => import('./pages/exchange/dispute-list.page') },
  { path: '/console/exchange/disputes/:disputeId', name: 'menu.exchange.dispute', access: 'exchange.disputes', area: 'console', menu: false, locales: ['trade'], load: () => import('./pages/exchange/dispute-detail.page') },
  { path: '/console/exchange/attachments', name: 'menu.exchange.attachments', access: 'exchange.attachments', area: 'console', menu: true, icon: 'agreement', locales: ['trade'], load: () => import('./pages/exchange/attachment-list.page') },
  { path: '/console/exchange/filings', name: 'menu.exchange.filings', access: 'exchange.filings', area: 'console', menu: true, icon: 'agreement', locales: ['trade'], load: () => import('./pages/exchange/filing-list.page') },
  { path: '/console/space', name: 'menu.space', access: 'space.holder', area: 'console', menu: true, icon: 'space', locales: ['authorization', 'catalog', 'certificates', 'licences', 'space'], load: () => import('./pages/space/space.page') },
  { path: '/console/space/authorizations', name: 'menu.space.authorizations', access: 'space.holder', area: 'console', menu: true, icon: 'consent', locales: ['authorization', 'catalog', 'space'], load: () => import('./pages/space/consent-holder.page') },
  { path: '/console/space/authorizations/:consentId', name: 'menu.space.authorization', access: 'space.consents', area: 'console', menu: false, locales: ['authorization', 'catalog', 'certificates', 'space'], load: () => import('./pages/space/consent-detail.page') },
  { path: '/console/space/requests', name: 'menu.space.requests', access: 'space.consents', area: 'console', menu: true, icon: 'consent', locales: ['authorization', 'catalog', 'space'], load: () => import('./pages/space/consent-requester.page') },
  { path: '/console/space/requests/new', name: 'menu.space.request', access: 'space.request', area: 'console', menu: false, locales: ['authorization', 'catalog', 'orgs', 'space'], load: () => import('./pages/space/consent-request.page') },
  { path: '/console/notifications', name: 'menu.notifications', access: 'notifications.inbox', area: 'console', menu: true, icon: 'notification', locales: ['authorization', 'catalog', 'licences', 'space'], load: () => import('./pages/space/notification-inbox.page') },
  { path: '/console/ledger', name: 'menu.ledger', access: 'ledger.explore', area: 'console', menu: true, icon: 'ledger', locales: ['ledger'], load: () => import('./pages/ledger/ledger-explorer.page') },
  { path: '/console/ledger/entries/:index', name: 'menu.ledger.entry', access: 'ledger.explore', area: 'console', menu: false, locales: ['ledger'], load: () => import('./pages/ledger/ledger-entry.page') },
  { path: '/console/ledger/verify', name: 'menu.ledger.verify', access: 'ledger.explore', area: 'console', menu: true, icon: 'verify', locales: ['ledger'], load: () => import('./pages/ledger/receipt-verify.page') },
  { path: '/console/account', name: 'menu.account', access: 'signedIn', area: 'console', menu: true, icon: 'user', locales: ['account'], load: () => import('./pages/account/account.page') },
];

export const ROUTES: RouteEntry[] = TABLE.map(({ load, ...route }) => ({
  ...route,
  page: lazy(() => Promise.all([load(), loadAreas(route.locales)]).then(([module]) => module)),
}));

export function menuRoutes(area: Area, allowed: (p: Permission) => boolean): RouteEntry[] {
  return ROUTES.filter((r) => r.area === area && r.menu && allowed(r.access));
}
