/**
 * Every area of both languages at once, for tests (the key-set comparison, checks that vocabularies
 * have their labels). The console itself never imports this module: it loads areas through
 * locales/index.ts, the core ones statically and the rest on demand.
 */
import zhCommon from './zh-CN/common';
import zhMenu from './zh-CN/menu';
import zhAuth from './zh-CN/auth';
import zhErrors from './zh-CN/errors';
import zhPortal from './zh-CN/portal';
import zhWorkbench from './zh-CN/workbench';
import zhOrgs from './zh-CN/orgs';
import zhAccount from './zh-CN/account';
import zhLedger from './zh-CN/ledger';
import zhCatalog from './zh-CN/catalog';
import zhSharing from './zh-CN/sharing';
import zhCdo from './zh-CN/cdo';
import zhLists from './zh-CN/lists';
import zhSearch from './zh-CN/search';
import zhOpendata from './zh-CN/opendata';
import zhQuality from './zh-CN/quality';
import zhGateway from './zh-CN/gateway';
import zhAuthorization from './zh-CN/authorization';
import zhSpace from './zh-CN/space';
import zhSignup from './zh-CN/signup';
import zhLicences from './zh-CN/licences';
import zhCertificates from './zh-CN/certificates';
import zhRegistry from './zh-CN/registry';
import zhValuation from './zh-CN/valuation';
import zhExchange from './zh-CN/exchange';
import zhTrade from './zh-CN/trade';
import enCommon from './en-US/common';
import enMenu from './en-US/menu';
import enAuth from './en-US/auth';
import enErrors from './en-US/errors';
import enPortal from './en-US/portal';
import enWorkbench from './en-US/workbench';
import enOrgs from './en-US/orgs';
import enAccount from './en-US/account';
import enLedger from './en-US/ledger';
import enCatalog from './en-US/catalog';
import enSharing from './en-US/sharing';
import enCdo from './en-US/cdo';
import enLists from './en-US/lists';
import enSearch from './en-US/search';
import enOpendata from './en-US/opendata';
import enQuality from './en-US/quality';
import enGateway from './en-US/gateway';
import enAuthorization from './en-US/authorization';
import enSpace from './en-US/space';
import enSignup from './en-US/signup';
import enLicences from './en-US/licences';
import enCertificates from './en-US/certificates';
import enRegistry from './en-US/registry';
import enValuation from './en-US/valuation';
import enExchange from './en-US/exchange';
import enTrade from './en-US/trade';
import type { Locale, Messages } from './index';

export const AREAS: Record<string, [Record<string, string>, Record<string, string>]> = {
  common: [zhCommon, enCommon],
  menu: [zhMenu, enMenu],
  auth: [zhAuth, enAuth],
  errors: [zhErrors, enErrors],
  portal: [zhPortal, enPortal],
  workbench: [zhWorkbench, enWorkbench],
  orgs: [zhOrgs, enOrgs],
  account: [zhAccount, enAccount],
  ledger: [zhLedger, enLedger],
  catalog: [zhCatalog, enCatalog],
  sharing: [zhSharing, enSharing],
  cdo: [zhCdo, enCdo],
  lists: [zhLists, enLists],
  search: [zhSearch, enSearch],
  opendata: [zhOpendata, enOpendata],
  quality: [zhQuality, enQuality],
  gateway: [zhGateway, enGateway],
  authorization: [zhAuthorization, enAuthorization],
  space: [zhSpace, enSpace],
  signup: [zhSignup, enSignup],
  licences: [zhLicences, enLicences],
  certificates: [zhCertificates, enCertificates],
  registry: [zhRegistry, enRegistry],
  valuation: [zhValuation, enValuation],
  exchange: [zhExchange, enExchange],
  trade: [zhTrade, enTrade],
};

const merged = (i: 0 | 1) => Object.assign({}, ...Object.values(AREAS).map((pair) => pair[i])) as Messages;

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': merged(0), 'en-US': merged(1) };
