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
import enCommon from './en-US/common';
import enAuth from './en-US/auth';
import enPortal from './en-US/portal';
import enWorkbench from './en-US/workbench';
import enOrgs from './en-US/orgs';
import enAccount from './en-US/account';
import enLedger from './en-US/ledger';
import enErrors from './en-US/errors';
import enCatalog from './en-US/catalog';

export type Locale = 'zh-CN' | 'en-US';

const zh = { ...zhCommon, ...zhAuth, ...zhPortal, ...zhWorkbench, ...zhOrgs, ...zhAccount, ...zhLedger, ...zhErrors, ...zhCatalog };
export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = { ...enCommon, ...enAuth, ...enPortal, ...enWorkbench, ...enOrgs, ...enAccount, ...enLedger, ...enErrors, ...enCatalog };

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
};
