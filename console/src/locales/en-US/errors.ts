import type zh from '../zh-CN/errors';

const en: Record<keyof typeof zh, string> = {
  'errors.network': 'Cannot reach the server; check the network and try again.',
  'errors.server': 'The server failed (HTTP {status}); try again later.',
  'errors.http': 'The request failed (HTTP {status}).',
  'errors.unexpected': 'Something unexpected went wrong.',
  'errors.requestId': 'request {id}',
};
export default en;
