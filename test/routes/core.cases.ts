/** Route cases: platform, identity and ledger routes. */
import { expect } from 'vitest';
import { ADMIN_PASSWORD, randomUscc, USER_PASSWORD } from '../harness.js';
import { generateNoteKey, parseWitnessSignerKey, witnessVerifierKey } from '../../src/modules/ledger/index.js';
import { deny, digest, latestCosignLine, PUBLIC, type Case } from './route.cases.js';

export const CORE_CASES: Record<string, Case> = {
  'GET /api/openapi.json': { success: () => ({ url: '/api/openapi.json' }), status: 200, crossOrg: PUBLIC },
  'GET /healthz': { success: () => ({ url: '/healthz' }), status: 200, crossOrg: PUBLIC },
  'GET /readyz': { success: () => ({ url: '/readyz' }), status: 200, crossOrg: PUBLIC },
  'GET /metrics': { success: () => ({ url: '/metrics' }), status: 200, crossOrg: { notApplicable: 'process metrics only, no records' } },
  'GET /*': { success: () => ({ url: '/console/orgs' }), status: 200, crossOrg: { notApplicable: 'the console and portal pages: the same static files for everyone' } },
  'GET /.well-known/did.json': { success: () => ({ url: '/.well-known/did.json' }), status: 200, crossOrg: PUBLIC },
  'GET /orgs/:orgId/did.json': { success: (c) => ({ url: `/orgs/${c.a.id}/did.json` }), status: 200, crossOrg: PUBLIC },

  'POST /api/v1/auth/login': {
    success: () => ({ url: '/api/v1/auth/login', body: { login: 'admin', password: ADMIN_PASSWORD } }),
    status: 200,
    refused: () => ({ url: '/api/v1/auth/login', body: { login: 'admin', password: 'wrong-password-1' } }),
    crossOrg: { notApplicable: 'credentials select the account; there is no organisation parameter' },
  },
  'POST /api/v1/auth/logout': {
    success: async (c) => ({ token: await c.h.login('admin', ADMIN_PASSWORD), url: '/api/v1/auth/logout' }),
    status: 204,
    refused: () => ({ url: '/api/v1/auth/logout' }),
    crossOrg: { notApplicable: 'ends only the session of the token presented' },
  },
  'GET /api/v1/me': { success: (c) => ({ token: c.a.staffToken, url: '/api/v1/me' }), status: 200, crossOrg: { notApplicable: 'describes only the caller' } },
  'POST /api/v1/orgs': {
    success: (c) => ({ token: c.h.adminToken, url: '/api/v1/orgs', body: { name: { zh: `路由${c.n()}`, en: `Route ${c.n()}` }, uscc: randomUscc(), roles: ['enterprise'] } }),
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/orgs', body: { name: { zh: 'x', en: 'x' }, uscc: randomUscc(), roles: ['enterprise'] } }),
    crossOrg: { notApplicable: 'creates a new organisation; who may grant which role is tested in identity.http.test.ts' },
  },
  'GET /api/v1/orgs': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/orgs' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: '/api/v1/orgs?pageSize=200', expect: (r) => expect(JSON.stringify(r.body)).not.toMatch(/username|passwordHash|key_hash|privateKey/) }),
  },
  'GET /api/v1/orgs/:orgId': {
    success: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.b.id}`, expect: (r) => expect(Object.keys(r.body).sort()).toEqual(['createdAt', 'did', 'id', 'name', 'roles', 'status', 'type', 'uscc']) }),
  },
  'POST /api/v1/orgs/:orgId/relationships': {
    success: (c) => ({ token: c.dbA.staffToken, url: `/api/v1/orgs/${c.a.id}/relationships`, body: { relatedOrgId: c.b.id, kind: 'shareholder', sharePercent: '12.5', since: '2024-01-01' } }),
    status: 201,
    refused: (c) => ({ token: c.dbA.staffToken, url: `/api/v1/orgs/${c.a.id}/relationships`, body: { relatedOrgId: c.b.id, kind: 'shareholder', since: '2024-01-01' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/relationships`, body: { relatedOrgId: c.a.id, kind: 'parent', since: '2024-01-01' }, expect: deny() }),
  },
  'GET /api/v1/orgs/:orgId/relationships': {
    success: (c) => ({ token: c.a.auditorToken, url: `/api/v1/orgs/${c.a.id}/relationships` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.b.id}/relationships`, expect: deny() }),
  },
  'GET /api/v1/orgs/:orgId/users': {
    success: (c) => ({ token: c.a.auditorToken, url: `/api/v1/orgs/${c.a.id}/users` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/users`, expect: deny() }),
  },
  'POST /api/v1/orgs/:orgId/users': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'staff' } }),
    status: 201,
    refused: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'staff' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'org_admin' }, expect: deny() }),
  },
  'GET /api/v1/orgs/:orgId/api-keys': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys`, expect: deny() }),
  },
  'POST /api/v1/orgs/:orgId/api-keys': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys`, body: { name: 'k' } }),
    status: 201,
    refused: (c) => ({ token: c.a.auditorToken, url: `/api/v1/orgs/${c.a.id}/api-keys`, body: { name: 'k' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys`, body: { name: 'k' }, expect: deny() }),
  },
  'DELETE /api/v1/orgs/:orgId/api-keys/:keyId': {
    success: async (c) => {
      const k = await c.h.call('POST', `/api/v1/orgs/${c.a.id}/api-keys`, { token: c.a.adminToken, body: { name: 'to revoke' } });
      return { token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys/${k.body.id}` };
    },
    status: 204,
    refused: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys/key_doesnotexist0000000` }),
    crossOrg: async (c) => {
      const k = await c.h.call('POST', `/api/v1/orgs/${c.b.id}/api-keys`, { token: c.b.adminToken, body: { name: 'b key' } });
      // Through its own organisation's path the key of B is not found either.
      const own = await c.h.call('DELETE', `/api/v1/orgs/${c.a.id}/api-keys/${k.body.id}`, { token: c.a.adminToken });
      expect(own.status).toBe(404);
      return { token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys/${k.body.id}`, expect: deny() };
    },
  },
  'GET /api/v1/orgs/:orgId/keys': { success: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.b.id}/keys` }), status: 200, crossOrg: { notApplicable: 'public verification keys, also published in the DID document' } },
  'POST /api/v1/orgs/:orgId/keys/rotate': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/keys/rotate` }),
    status: 200,
    refused: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}/keys/rotate` }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/keys/rotate`, expect: deny() }),
  },
  'POST /api/v1/seals/sign': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/seals/sign', body: { payload: { n: c.n() } } }),
    status: 200,
    refused: (c) => ({ token: c.a.auditorToken, url: '/api/v1/seals/sign', body: { payload: 1 } }),
    crossOrg: { notApplicable: "always seals with the caller's own organisation key; no organisation parameter" },
  },
  'POST /api/v1/seals/verify': { success: () => ({ url: '/api/v1/seals/verify', body: { payload: 1, seal: {} } }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/key': { success: () => ({ url: '/api/v1/ledger/key' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/checkpoint': { success: () => ({ url: '/api/v1/ledger/checkpoint' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/checkpoints/:size': {
    success: async (c) => ({ url: `/api/v1/ledger/checkpoints/${(await c.h.call('GET', '/api/v1/ledger/checkpoint')).body.size}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/ledger/consistency': { success: () => ({ url: '/api/v1/ledger/consistency?from=1&to=2' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/entries': {
    success: (c) => ({ token: c.a.staffToken, url: `/api/v1/ledger/entries?orgId=${c.a.id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/ledger/entries?orgId=${c.b.id}`, expect: (r) => {
      expect(r.body.items.length).toBeGreaterThan(0);
      for (const item of r.body.items) expect(item).not.toHaveProperty('payload');
    } }),
  },
  'GET /api/v1/ledger/entries/:index': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/ledger/entries/0' }),
    status: 200,
    crossOrg: async (c) => {
      const own = (await c.h.call('GET', `/api/v1/ledger/entries?orgId=${c.b.id}&pageSize=1`, { token: c.b.staffToken })).body.items[0];
      expect(own).toHaveProperty('payload');
      return { token: c.a.staffToken, url: `/api/v1/ledger/entries/${own.index}`, expect: (r) => expect(r.body).not.toHaveProperty('payload') };
    },
  },
  'GET /api/v1/ledger/entries/:index/receipt': { success: () => ({ url: '/api/v1/ledger/entries/0/receipt' }), status: 200, crossOrg: { notApplicable: 'receipts carry no payload, only its digest' } },
  'GET /api/v1/ledger/events/:eventId/receipt': {
    success: async (c) => ({ url: `/api/v1/ledger/events/${JSON.parse(JSON.stringify((await c.h.call('GET', '/api/v1/ledger/entries/0/receipt')).body.entry)).id}/receipt` }),
    status: 200,
    crossOrg: { notApplicable: 'receipts carry no payload, only its digest' },
  },
  'GET /api/v1/ledger/witnesses': { success: () => ({ url: '/api/v1/ledger/witnesses' }), status: 200, crossOrg: PUBLIC },
  'POST /api/v1/ledger/witnesses': {
    success: (c) => {
      const k = parseWitnessSignerKey(generateNoteKey(`w${c.n()}.route`).signerKey);
      return { token: c.regB.adminToken, url: '/api/v1/ledger/witnesses', body: { verifierKey: witnessVerifierKey(k.name, k.publicKey) } };
    },
    status: 201,
    refused: (c) => {
      const k = parseWitnessSignerKey(generateNoteKey(`w${c.n()}.route`).signerKey);
      return { token: c.a.adminToken, url: '/api/v1/ledger/witnesses', body: { verifierKey: witnessVerifierKey(k.name, k.publicKey) } };
    },
    crossOrg: { notApplicable: "registers a key for the caller's own organisation" },
  },
  'POST /api/v1/ledger/checkpoints/:size/cosignatures': {
    success: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.regA.staffToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line } };
    },
    status: 201,
    refused: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.a.adminToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line } };
    },
    crossOrg: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.regB.adminToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line }, expect: (r) => {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('LEDGER_WITNESS_UNKNOWN');
      } };
    },
  },
  'POST /api/v1/ledger/attestations': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/ledger/attestations', body: { digest: digest(String(c.n())), title: '文件' } }),
    status: 201,
    refused: (c) => ({ token: c.a.auditorToken, url: '/api/v1/ledger/attestations', body: { digest: digest('x'), title: 'x' } }),
    crossOrg: { notApplicable: "records for the caller's own organisation only" },
  },
};
