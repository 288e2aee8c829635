export default {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.title': '登录流通控制台',
  'auth.subtitle': '数据局、交易所、企业、银行与监管机构的工作台',
  'auth.loginField': '用户名 / 邮箱 / 手机号',
  'auth.loginRequired': '请输入用户名、邮箱或手机号',
  'auth.password': '密码',
  'auth.passwordRequired': '请输入密码',
  'auth.submit': '登录',
  'auth.demoHint': '演示账号：bureau、regulator、police、grid、bank、exchange、factory、analytics，密码见启动输出（默认 Liutong-Demo-2026）。',
  'auth.welcome': '欢迎，{name}',
};
