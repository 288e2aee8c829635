/**
 * Generates console/src/api/openapi.schema.ts from the server's OpenAPI document with
 * openapi-typescript. Used by `npm run generate:api` and by the staleness test.
 */
import openapiTS, { astToString } from 'openapi-typescript';

export const API_SCHEMA_FILE = 'console/src/api/openapi.schema.ts';

const HEADER = `/**
 * GENERATED from /api/openapi.json by \`npm run generate:api\` — do not edit by hand.
 * test/console/api-client.test.ts fails when this file no longer matches the server.
 */
/* eslint-disable */
`;

export async function generateApiSchema(openapi: unknown): Promise<string> {
  const ast = await openapiTS(openapi as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
