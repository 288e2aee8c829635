/**
 * Every user-visible string of the console, by area, in zh-CN (the default) and en-US. The en-US
 * files are typed against the zh-CN ones and test/console/locales.test.ts compares the key sets,
 * so a string missing in either language fails the build.
 *
 * Only the core areas — common, menu, auth, errors and portal: what the shell, the login page and
 * the portal home show — are in the entry chunk. Every other area is a pair of chunks of its own
 * (one per language) that i18n.context's loadAreas fetches when a page that needs it opens (the
 * route table's `locales`, checked against the keys each page's modules use by
 * test/console/locale-areas.test.ts), and again in the other language when the language changes.
 * This module imports the lazy areas' files for their types only.
 */
import zhCommon from './zh-CN/common';
import zhMenu from './zh-CN/menu';
import zhAuth from './zh-CN/auth';
import zhErrors from './zh-CN/errors';
import zhPortal from './zh-CN/portal';
import enCommon from './en-US/common';
import enMenu from './en-US/menu';
import enAuth from './en-US/auth';
import enErrors from './en-US/errors';
import enPortal from './en-US/portal';
import type zhWorkbench from './zh-CN/workbench';
import type zhOrgs from './zh-CN/orgs';
import type zhAccount from './zh-CN/account';
import type zhLedger from './zh-CN/ledger';
import type zhCatalog from './zh-CN/catalog';
import type zhSharing from './zh-CN/sharing';
import type zhCdo from './zh-CN/cdo';
import type zhLists from './zh-CN/lists';
import type zhSearch from './zh-CN/search';
import type zhOpendata from './zh-CN/opendata';
import type zhQuality from './zh-CN/quality';
import type zhGateway from './zh-CN/gateway';
import type zhAuthorization from './zh-CN/authorization';
import type zhSpace from './zh-CN/space';
import type zhSignup from './zh-CN/signup';
import type zhLicences from './zh-CN/licences';
import type zhCertificates from './zh-CN/certificates';
import type zhRegistry from './zh-CN/registry';
import type zhValuation from './zh-CN/valuation';
import type zhExchange from './zh-CN/exchange';
import type zhTrade from './zh-CN/trade';

export type Locale = 'zh-CN' | 'en-US';

type Core = typeof zhCommon & typeof zhMenu & typeof zhAuth & typeof zhErrors & typeof zhPortal;
type Lazy = typeof zhWorkbench & typeof zhOrgs & typeof zhAccount & typeof zhLedger & typeof zhCatalog & typeof zhSharing & typeof zhCdo & typeof zhLists & typeof zhSearch & typeof zhOpendata & typeof zhQuality & typeof zhGateway & typeof zhAuthorization & typeof zhSpace & typeof zhSignup & typeof zhLicences & typeof zhCertificates & typeof zhRegistry & typeof zhValuation & typeof zhExchange & typeof zhTrade;
export type MessageKey = keyof Core | keyof Lazy;
export type Messages = Record<MessageKey, string>;

/** The core areas' strings, always present. */
export const CORE_AREAS = ['common', 'menu', 'auth', 'errors', 'portal'] as const;
export const CORE: Record<Locale, Record<string, string>> = {
  'zh-CN': { ...zhCommon, ...zhMenu, ...zhAuth, ...zhErrors, ...zhPortal },
  'en-US': { ...enCommon, ...enMenu, ...enAuth, ...enErrors, ...enPortal },
};

type Loader = () => Promise<{ default: Record<string, string> }>;
const area = (zh: Loader, en: Loader): Record<Locale, Loader> => ({ 'zh-CN': zh, 'en-US': en });

/** The areas loaded on demand, each language its own chunk. */
export const AREA_LOADERS = {
  workbench: area(() => import('./zh-CN/workbench'), () => import('./en-US/workbench')),
  orgs: area(() => import('./zh-CN/orgs'), () => import('./en-US/orgs')),
  account: area(() => import('./zh-CN/account'), () => import('./en-US/account')),
  ledger: area(() => import('./zh-CN/ledger'), () => import('./en-US/ledger')),
  catalog: area(() => import('./zh-CN/catalog'), () => import('./en-US/catalog')),
  sharing: area(() => import('./zh-CN/sharing'), () => import('./en-US/sharing')),
  cdo: area(() => import('./zh-CN/cdo'), () => import('./en-US/cdo')),
  lists: area(() => import('./zh-CN/lists'), () => import('./en-US/lists')),
  search: area(() => import('./zh-CN/search'), () => import('./en-US/search')),
  opendata: area(() => import('./zh-CN/opendata'), () => import('./en-US/opendata')),
  quality: area(() => import('./zh-CN/quality'), () => import('./en-US/quality')),
  gateway: area(() => import('./zh-CN/gateway'), () => import('./en-US/gateway')),
  authorization: area(() => import('./zh-CN/authorization'), () => import('./en-US/authorization')),
  space: area(() => import('./zh-CN/space'), () => import('./en-US/space')),
  signup: area(() => import('./zh-CN/signup'), () => import('./en-US/signup')),
  licences: area(() => import('./zh-CN/licences'), () => import('./en-US/licences')),
  certificates: area(() => import('./zh-CN/certificates'), () => import('./en-US/certificates')),
  registry: area(() => import('./zh-CN/registry'), () => import('./en-US/registry')),
  valuation: area(() => import('./zh-CN/valuation'), () => import('./en-US/valuation')),
  exchange: area(() => import('./zh-CN/exchange'), () => import('./en-US/exchange')),
  trade: area(() => import('./zh-CN/trade'), () => import('./en-US/trade')),
} satisfies Record<string, Record<Locale, Loader>>;

export type LocaleArea = keyof typeof AREA_LOADERS;

/**
 * The first segment of every key of each lazy area (`exchange.status.draft` is the exchange area's);
 * no segment belongs to two areas, nor to a core area (the locales test checks both).
 */
export const AREA_PREFIXES: Record<LocaleArea, readonly string[]> = {
  workbench: ['workbench'],
  orgs: ['orgs'],
  account: ['account'],
  ledger: ['ledger'],
  catalog: ['catalog'],
  sharing: ['sharing'],
  cdo: ['cdo'],
  lists: ['lists'],
  search: ['search'],
  opendata: ['opendata'],
  quality: ['quality', 'mount'],
  gateway: ['gateway'],
  authorization: ['authorization'],
  space: ['space', 'notifications'],
  signup: ['signup'],
  licences: ['licences'],
  certificates: ['certificates'],
  registry: ['registry'],
  valuation: ['valuation', 'accounting'],
  exchange: ['exchange'],
  trade: ['trade'],
};

const AREA_OF_PREFIX = new Map<string, LocaleArea>(Object.entries(AREA_PREFIXES).flatMap(([a, ps]) => ps.map((p) => [p, a as LocaleArea] as const)));

/** The lazy area a key belongs to, null for a core key (or an unknown segment). */
export function areaOf(key: string): LocaleArea | null {
  return AREA_OF_PREFIX.get(key.slice(0, key.indexOf('.'))) ?? null;
}
