/**
 * The one place that turns a failed API call into a message in the current language. The API
 * answers `{ error: { code, message, details?, requestId } }` with `message` already in the
 * language the client asked for (Accept-Language follows the console's locale); network failures
 * and bodies that are not the API's get a local message.
 */
import type { Translate } from '../i18n/i18n.context';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
  get code(): string | undefined {
    return this.body?.code;
  }
}

/** Extracts the error body from whatever the server sent; null when it is not the API's shape. */
export function parseErrorBody(payload: unknown): ApiErrorBody | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const e = (payload as { error?: unknown }).error;
  if (typeof e !== 'object' || e === null) return null;
  const { code, message, details, requestId } = e as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, ...(details !== undefined ? { details } : {}), ...(typeof requestId === 'string' ? { requestId } : {}) };
}

export interface ErrorView {
  /** One line for a notification or an inline alert. */
  message: string;
  code?: string;
  requestId?: string;
  /** Field paths the server rejected (body.name.zh …), for form highlighting. */
  fields: string[];
}

export function describeError(err: unknown, t: Translate): ErrorView {
  if (err instanceof ApiError) {
    if (err.body) {
      const fields = fieldPaths(err.body.details);
      return { message: err.body.message, code: err.body.code, ...(err.body.requestId ? { requestId: err.body.requestId } : {}), fields };
    }
    if (err.status >= 500) return { message: t('errors.server', { status: err.status }), fields: [] };
    return { message: t('errors.http', { status: err.status }), fields: [] };
  }
  if (err instanceof TypeError) return { message: t('errors.network'), fields: [] };
  return { message: t('errors.unexpected'), fields: [] };
}

/** The message shown to a person, with the request id to quote to support. */
export function errorMessage(err: unknown, t: Translate): string {
  const v = describeError(err, t);
  return v.requestId ? `${v.message} (${t('errors.requestId', { id: v.requestId })})` : v.message;
}

function fieldPaths(details: unknown): string[] {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.map((f) => (typeof f?.path === 'string' ? f.path : null)).filter((p): p is string => p !== null);
}
