export default {
  'errors.network': '无法连接服务器，请检查网络后重试。',
  'errors.server': '服务器出错（HTTP {status}），请稍后重试。',
  'errors.http': '请求失败（HTTP {status}）。',
  'errors.unexpected': '发生意外错误。',
  'errors.requestId': '请求编号 {id}',
};
