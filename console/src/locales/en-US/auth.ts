import type zh from '../zh-CN/auth';

const en: Record<keyof typeof zh, string> = {
  'auth.login': 'Sign in',
  'auth.logout': 'Sign out',
  'auth.title': 'Sign in to the Liutong console',
  'auth.subtitle': 'The workbench of data bureaus, the exchange, companies, banks and regulators',
  'auth.loginField': 'User name / email / phone',
  'auth.loginRequired': 'Enter your user name, email or phone',
  'auth.password': 'Password',
  'auth.passwordRequired': 'Enter your password',
  'auth.submit': 'Sign in',
  'auth.demoHint': 'Demo users: bureau, regulator, police, grid, bank, exchange, factory, analytics; the password is printed at start (default Liutong-Demo-2026).',
  'auth.welcome': 'Welcome, {name}',
  'auth.noAccount': 'No account yet?',
  'auth.signupLink': 'Sign up as an individual',
};
export default en;
