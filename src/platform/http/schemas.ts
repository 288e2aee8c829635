import { Type, type TSchema } from '@sinclair/typebox';

export const Strict = { additionalProperties: false } as const;

/** `t` or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** One of fixed string values (a JSON Schema enum), typed as their union. */
export const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** Shared wire schemas. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Any()),
      requestId: Type.String(),
    }),
  },
  { description: 'Error body: stable code, localized message (Accept-Language), request id' },
);

/** Paging fields of every list query: `?page=1&pageSize=20` (at most 200 a page). */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

export const PageOnlyQuery = Type.Object(PageQuery, Strict);

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

/** Standard error responses a route can produce, for the OpenAPI document. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}

