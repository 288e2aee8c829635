/**
 * The typed API client: `paths` is generated from the server's /api/openapi.json
 * (`npm run generate:api`, checked by test/console/api-client.test.ts) and openapi-fetch turns it
 * into typed GET/POST/DELETE calls. Every call carries the session token and the console's
 * language; a failure throws ApiError (see api.errors.ts).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi.schema';
import { ApiError, parseErrorBody } from './api.errors';

let token: string | null = null;
let language = 'zh-CN';
let onUnauthorized: (() => void) | null = null;

export function setApiToken(next: string | null): void {
  token = next;
}
export function setApiLanguage(next: string): void {
  language = next;
}
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    let payload: unknown = null;
    try {
      payload = await response.clone().json();
    } catch {
      /* not JSON */
    }
    const body = parseErrorBody(payload);
    if (response.status === 401 && token && body?.code !== 'IDENTITY_LOGIN_FAILED') onUnauthorized?.();
    throw new ApiError(response.status, body);
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(headers);

/** Unwraps openapi-fetch's `{ data, error }`; errors were already thrown by the middleware. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (!response.ok) throw new ApiError(response.status, null);
  return data as T;
}
