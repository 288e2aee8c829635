import { defineErrors } from '../../platform/errors.js';

export const IdentityErrors = defineErrors({
  IDENTITY_ORG_NOT_FOUND: { status: 404, 'zh-CN': '机构不存在。', 'en-US': 'Organisation not found.' },
  IDENTITY_USCC_INVALID: { status: 400, 'zh-CN': '统一社会信用代码无效（{reason}）。', 'en-US': 'Invalid unified social credit code ({reason}).' },
  IDENTITY_USCC_TAKEN: { status: 409, 'zh-CN': '该统一社会信用代码已登记。', 'en-US': 'An organisation with this unified social credit code already exists.' },
  IDENTITY_ROLE_NOT_GRANTABLE: { status: 403, 'zh-CN': '无权授予角色：{role}。', 'en-US': 'You may not grant the role {role}.' },
  IDENTITY_ROLES_INVALID: { status: 400, 'zh-CN': '角色组合无效：{reason}', 'en-US': 'Invalid roles: {reason}' },
  IDENTITY_USER_EXISTS: { status: 409, 'zh-CN': '用户名、邮箱或手机号已被使用。', 'en-US': 'User name, email or phone is already in use.' },
  IDENTITY_PASSWORD_WEAK: { status: 400, 'zh-CN': '密码强度不足（{reason}）：至少 10 位且包含大小写字母、数字、符号中的三类，或至少 16 位。', 'en-US': 'Password too weak ({reason}): at least 10 characters with three of lower case, upper case, digits, symbols, or at least 16 characters.' },
  IDENTITY_LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码错误。', 'en-US': 'Wrong login or password.' },
  IDENTITY_ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账户或所属机构已停用。', 'en-US': 'The account or its organisation is disabled.' },
  IDENTITY_KEY_NOT_FOUND: { status: 404, 'zh-CN': '签名密钥不存在。', 'en-US': 'Signing key not found.' },
  IDENTITY_SEAL_MALFORMED: { status: 400, 'zh-CN': '电子印章格式错误：{reason}', 'en-US': 'Malformed electronic seal: {reason}' },
  IDENTITY_RELATIONSHIP_INVALID: { status: 400, 'zh-CN': '关联关系无效（{reason}）。', 'en-US': 'Invalid relationship ({reason}).' },
  IDENTITY_PAYLOAD_NOT_CANONICALIZABLE: { status: 400, 'zh-CN': '待签内容无法规范化为 JSON（RFC 8785）。', 'en-US': 'The payload cannot be canonicalized as JSON (RFC 8785).' },
});
