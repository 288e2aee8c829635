/**
 * Every user-visible string of the console, by area, in zh-CN (the default) and en-US. The en-US
 * files are typed against the zh-CN ones and test/console/locales.test.ts compares the key sets,
 * so a string missing in either language fails the build.
 */
import zhCommon from './zh-CN/common';
import zhAuth from './zh-CN/auth';
import zhPortal from './zh-CN/portal';
import zhWorkbench from './zh-CN/workbench';
import zhOrgs from './zh-CN/orgs';
import zhAccount from './zh-CN/account';
import zhLedger from './zh-CN/ledger';
import zhErrors from './zh-CN/errors';
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
import enCommon from './en-US/common';
import enAuth from './en-US/auth';
import enPortal from './en-US/portal';
import enWorkbench from './en-US/workbench';
import enOrgs from './en-US/orgs';
import enAccount from './en-US/account';
import enLedger from './en-US/ledger';
import enErrors from './en-US/errors';
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

export type Locale = 'zh-CN' | 'en-US';

const zh = { ...zhCommon, ...zhAuth, ...zhPortal, ...zhWorkbench, ...zhOrgs, ...zhAccount, ...zhLedger, ...zhErrors, ...zhCatalog, ...zhCdo, ...zhSearch, ...zhLists, ...zhSharing, ...zhOpendata, ...zhQuality, ...zhGateway, ...zhAuthorization, ...zhSpace, ...zhSignup, ...zhLicences, ...zhCertificates, ...zhRegistry, ...zhValuation, ...zhExchange };
export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = { ...enCommon, ...enAuth, ...enPortal, ...enWorkbench, ...enOrgs, ...enAccount, ...enLedger, ...enErrors, ...enCatalog, ...enCdo, ...enSearch, ...enLists, ...enSharing, ...enOpendata, ...enQuality, ...enGateway, ...enAuthorization, ...enSpace, ...enSignup, ...enLicences, ...enCertificates, ...enRegistry, ...enValuation, ...enExchange };

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, 'en-US': en };

/** The areas, for the key-set comparison test. */
export const AREAS: Record<string, [Record<string, string>, Record<string, string>]> = {
  common: [zhCommon, enCommon],
  auth: [zhAuth, enAuth],
  portal: [zhPortal, enPortal],
  workbench: [zhWorkbench, enWorkbench],
  orgs: [zhOrgs, enOrgs],
  account: [zhAccount, enAccount],
  ledger: [zhLedger, enLedger],
  errors: [zhErrors, enErrors],
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
};
