/** `npm run generate:api`: writes the console's API types from a server started in memory. */
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLiutong } from '../../src/liutong.app.js';
import { loadConfig } from '../../src/platform/config/config.loader.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { API_SCHEMA_FILE, generateApiSchema } from './api-client.generator.js';

const database = await openDatabase({});
const config = loadConfig({
  env: {},
  overrides: { keyEncryptionSecret: 'api-client-generation', logLevel: 'silent', dataDir: mkdtempSync(path.join(os.tmpdir(), 'liutong-gen-')), publicBaseUrl: 'http://liutong.test' },
});
const lt = await createLiutong(config, { database, startRelay: false });
try {
  const res = await lt.app.inject({ method: 'GET', url: '/api/openapi.json' });
  writeFileSync(API_SCHEMA_FILE, await generateApiSchema(JSON.parse(res.body)));
  console.log(`wrote ${API_SCHEMA_FILE}`);
} finally {
  await lt.close();
  await database.close();
}
