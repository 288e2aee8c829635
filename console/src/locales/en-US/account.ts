import type zh from '../zh-CN/account';

const en: Record<keyof typeof zh, string> = {
  'account.title': 'My account',
  'account.profile': 'Profile',
  'account.username': 'User name',
  'account.displayName': 'Name',
  'account.email': 'Email',
  'account.phone': 'Phone',
  'account.memberRole': 'Member role',
  'account.personRoles': 'Personal roles',
  'account.organisation': 'Organisation',
  'account.orgRoles': 'Organisation roles',
  'account.session': 'This session',
  'account.sessionText': 'The session token is kept in this browser and ends when you sign out.',
  'account.apiKey': 'Signed in with the API key "{name}"',
  'account.none': 'Not set',
};
export default en;
