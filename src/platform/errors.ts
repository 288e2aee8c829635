/**
 * The error catalogue (DESIGN.md §6.5): every error a client can see has a stable code, an HTTP
 * status and a message in zh-CN and en-US. Modules add their own entries with `defineErrors`.
 * The wire body is always `{ "error": { "code", "message", "details"?, "requestId" } }`.
 */
export type Locale = 'zh-CN' | 'en-US';

export interface ErrorDefinition {
  status: number;
  'zh-CN': string;
  'en-US': string;
}

const catalogue = new Map<string, ErrorDefinition>();

export function defineErrors<const T extends Record<string, ErrorDefinition>>(defs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    const existing = catalogue.get(code);
    if (existing && JSON.stringify(existing) !== JSON.stringify(def)) throw new Error(`error code ${code} defined twice`);
    if (!/^[A-Z][A-Z0-9_]+$/.test(code)) throw new Error(`error code ${code} is not UPPER_SNAKE_CASE`);
    catalogue.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

/**
 * Words for the values a module puts into its messages' placeholders (a state, an action, a
 * reason), so that a message reads "不能在已验收状态下交付" rather than showing the raw code. Keyed
 * by the codes' prefix (the module: `EXCHANGE`), the placeholder and the value; a value without a
 * label is shown as it is. The details keep the raw values for programs.
 */
const paramLabels = new Map<string, Record<Locale, string>>();

export function defineParamLabels(prefix: string, placeholder: string, labels: Record<string, Record<Locale, string>>): void {
  for (const [value, words] of Object.entries(labels)) paramLabels.set(`${prefix}|${placeholder}|${value}`, words);
}

const labelled = (code: string, params: Record<string, string | number>, locale: Locale): Record<string, string | number> => {
  const prefix = code.split('_')[0]!;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = paramLabels.get(`${prefix}|${k}|${v}`)?.[locale] ?? v;
  return out;
};

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return catalogue.get(code);
}

export function allErrorCodes(): ReadonlyMap<string, ErrorDefinition> {
  return catalogue;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly details?: Record<string, unknown>,
    /** Values substituted into `{name}` placeholders of the catalogue message. */
    readonly params: Record<string, string | number> = {},
  ) {
    const def = catalogue.get(code);
    if (!def) throw new Error(`unknown error code ${code}`);
    super(`${code}: ${interpolate(def['en-US'], labelled(code, params, 'en-US'))}`);
    this.name = 'AppError';
    this.status = def.status;
  }

  localizedMessage(locale: Locale): string {
    return interpolate(catalogue.get(this.code)![locale], labelled(this.code, this.params, locale));
  }
}

export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Codes owned by the platform itself. */
export const PlatformErrors = defineErrors({
  REQUEST_MALFORMED_JSON: { status: 400, 'zh-CN': '请求体不是合法的 JSON。', 'en-US': 'The request body is not valid JSON.' },
  REQUEST_VALIDATION_FAILED: { status: 400, 'zh-CN': '请求参数校验失败：{summary}', 'en-US': 'The request is invalid: {summary}' },
  REQUEST_BODY_TOO_LARGE: { status: 413, 'zh-CN': '请求体过大（上限 {limit} 字节）。', 'en-US': 'The request body is too large (limit {limit} bytes).' },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的请求内容类型。', 'en-US': 'Unsupported request content type.' },
  REQUEST_EMPTY_BODY: { status: 400, 'zh-CN': '请求体不能为空。', 'en-US': 'The request body must not be empty.' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  METHOD_NOT_ALLOWED: { status: 405, 'zh-CN': '不支持该请求方法。', 'en-US': 'Method not allowed.' },
  AUTH_REQUIRED: { status: 401, 'zh-CN': '需要登录或有效的访问令牌。', 'en-US': 'Authentication required: log in or send a valid token.' },
  AUTH_INVALID_TOKEN: { status: 401, 'zh-CN': '访问令牌无效、已过期或已撤销。', 'en-US': 'The access token is invalid, expired or revoked.' },
  AUTH_FORBIDDEN_ROLE: { status: 403, 'zh-CN': '当前身份无权执行此操作（需要角色：{roles}）。', 'en-US': 'Your role does not allow this action (requires: {roles}).' },
  AUTH_FORBIDDEN_ORGANISATION: { status: 403, 'zh-CN': '无权访问其他机构的数据。', 'en-US': "You may not access another organisation's records." },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试。', 'en-US': 'Too many requests; try again later.' },
  CONSOLE_NOT_BUILT: { status: 404, 'zh-CN': '控制台尚未构建：请运行 npm run build。', 'en-US': 'The console is not built: run npm run build.' },
  SERVICE_UNAVAILABLE: { status: 503, 'zh-CN': '服务暂不可用：{reason}', 'en-US': 'Service unavailable: {reason}' },
  INTERNAL_ERROR: { status: 500, 'zh-CN': '服务器内部错误，请使用请求编号联系管理员。', 'en-US': 'Internal server error; quote the request id to the administrator.' },
  STATE_CONFLICT: { status: 409, 'zh-CN': '当前状态“{from}”不允许执行“{action}”。', 'en-US': 'Action "{action}" is not allowed in state "{from}".' },
});

/** Picks zh-CN (the default) or en-US from an Accept-Language header, honouring q-values. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
