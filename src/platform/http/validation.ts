import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: bodies are checked strictly (no type coercion, unknown fields rejected, not
 * silently removed — DESIGN.md §6.5); query strings and path parameters arrive as text and are
 * coerced to the declared types.
 */
function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as any;
};

export function summarizeValidation(errors: ErrorObject[], part: string | undefined): { summary: string; fields: Array<{ path: string; problem: string; params?: unknown }> } {
  const fields = errors.map((e) => {
    let path = `${part ?? 'body'}${e.instancePath.replace(/\//g, '.')}`;
    if (e.keyword === 'additionalProperties') path += `.${(e.params as { additionalProperty: string }).additionalProperty}`;
    if (e.keyword === 'required') path += `.${(e.params as { missingProperty: string }).missingProperty}`;
    return { path, problem: e.keyword, params: e.params };
  });
  const summary = fields
    .slice(0, 5)
    .map((f) => `${f.path} (${f.problem})`)
    .join('; ');
  return { summary, fields };
}
