import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useLiutong } from '../harness.js';
import { API_SCHEMA_FILE, generateApiSchema } from '../../console/scripts/api-client.generator.js';

describe('console API client', () => {
  const h = useLiutong('pglite');
  it('is generated from the current /api/openapi.json (run `npm run generate:api` when this fails)', async () => {
    const res = await h().call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const fresh = await generateApiSchema(res.body);
    expect(readFileSync(API_SCHEMA_FILE, 'utf8') === fresh, `${API_SCHEMA_FILE} is stale: run npm run generate:api`).toBe(true);
  });
});
