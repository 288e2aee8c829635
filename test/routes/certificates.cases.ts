/** Route cases: data asset certificates (数据资产凭证) — issue, lifecycle, uses, verification, status lists. */
import { expect } from 'vitest';
import type { Reply } from '../harness.js';
import { deny, PUBLIC, type Case, type Ctx } from './route.cases.js';
import { consent, consentFixture } from './authorization.cases.js';
import { registeredApplication } from './registry.cases.js';

/** A fresh circulation certificate on a fresh approved authorization, issued by data bureau A. */
async function certificate(c: Ctx, state: 'active' | 'suspended' = 'active'): Promise<{ id: string; jwt: string; statusList: string }> {
  const r = await c.h.call('POST', '/api/v1/certificates/circulation', { token: c.dbA.staffToken, body: { consentId: await consent(c, 'approved') } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (state === 'suspended') expect((await c.h.call('POST', `/api/v1/certificates/${r.body.id}/suspend`, { token: c.dbA.staffToken, body: { reason: '核查' } })).status).toBe(200);
  return { id: r.body.id, jwt: r.body.jwt, statusList: new URL(r.body.credential.credentialStatus[0].statusListCredential).pathname };
}
const url = (id: string, action = '') => `/api/v1/certificates/${id}${action ? `/${action}` : ''}`;

export const CERTIFICATES_CASES: Record<string, Case> = {
  'GET /api/v1/certificates': {
    success: async (c) => {
      await certificate(c);
      return { token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/certificates?box=held' };
    },
    status: 200,
    crossOrg: async (c) => {
      const { id } = await certificate(c);
      return { token: c.b.staffToken, url: '/api/v1/certificates?box=all&pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      } };
    },
  },
  'POST /api/v1/certificates/circulation': {
    success: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/certificates/circulation', body: { consentId: await consent(c, 'approved') } }),
    status: 201,
    refused: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/certificates/circulation', body: { consentId: await consent(c, 'pending') } }),
    crossOrg: async (c) => ({ token: (await consentFixture(c)).bank.staffToken, url: '/api/v1/certificates/circulation', body: { consentId: await consent(c, 'approved') }, expect: deny(403) }),
  },
  'POST /api/v1/certificates/registration': {
    // The automatic issuance runs once the registration is sequenced; revoking it lets the bureau issue again by hand.
    success: async (c) => {
      const id = await registeredApplication(c);
      await c.h.lt.flush();
      const auto = await waitForRegistrationCertificate(c, id);
      expect((await c.h.call('POST', `/api/v1/certificates/${auto}/revoke`, { token: c.dbA.staffToken, body: { reason: '重新签发' } })).status).toBe(200);
      return { token: c.dbA.staffToken, url: '/api/v1/certificates/registration', body: { applicationId: id } };
    },
    status: 201,
    refused: async (c) => {
      const id = await registeredApplication(c);
      await c.h.lt.flush();
      await waitForRegistrationCertificate(c, id);
      return { token: c.dbA.staffToken, url: '/api/v1/certificates/registration', body: { applicationId: id } };
    },
    crossOrg: async (c) => ({ token: c.a.staffToken, url: '/api/v1/certificates/registration', body: { applicationId: await registeredApplication(c) }, expect: deny(403) }),
  },
  'POST /api/v1/certificates/:certificateId/transfer': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url(await registrationCertificate(c), 'transfer'), body: { toOrgId: c.b.id, reason: '资产转让' } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c)).id, 'transfer'), body: { toOrgId: c.b.id, reason: '流通凭证不能转移' } }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: url(await registrationCertificate(c), 'transfer'), body: { toOrgId: c.b.id, reason: '持有方自行转移' }, expect: deny(403) }),
  },
  'GET /api/v1/certificates/export': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/certificates/export?box=held' }),
    status: 200,
    crossOrg: async (c) => {
      const { id } = await certificate(c);
      return { token: c.b.staffToken, url: '/api/v1/certificates/export?box=all', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(String(r.body)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/certificates/:certificateId': {
    success: async (c) => ({ token: (await consentFixture(c)).bank.auditorToken, url: url((await certificate(c)).id) }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await certificate(c)).id), expect: deny(404) }),
  },
  'GET /api/v1/certificates/:certificateId/bundle': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: url((await certificate(c)).id, 'bundle') }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await certificate(c)).id, 'bundle'), expect: deny(404) }),
  },
  'POST /api/v1/certificates/:certificateId/suspend': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c)).id, 'suspend'), body: { reason: '核查授权材料' } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c, 'suspended')).id, 'suspend'), body: { reason: '再次' } }),
    crossOrg: async (c) => ({ token: c.dbB.staffToken, url: url((await certificate(c)).id, 'suspend'), body: { reason: '越权' }, expect: deny(403) }),
  },
  'POST /api/v1/certificates/:certificateId/reinstate': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c, 'suspended')).id, 'reinstate') }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c)).id, 'reinstate') }),
    crossOrg: async (c) => ({ token: (await consentFixture(c)).holder.staffToken, url: url((await certificate(c, 'suspended')).id, 'reinstate'), expect: deny(403) }),
  },
  'POST /api/v1/certificates/:certificateId/revoke': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url((await certificate(c)).id, 'revoke'), body: { reason: '依据失效' } }),
    status: 200,
    refused: async (c) => {
      const { id } = await certificate(c);
      expect((await c.h.call('POST', url(id, 'revoke'), { token: c.dbA.staffToken, body: { reason: '撤销' } })).status).toBe(200);
      return { token: c.dbA.staffToken, url: url(id, 'revoke'), body: { reason: '再次撤销' } };
    },
    crossOrg: async (c) => ({ token: (await consentFixture(c)).bank.staffToken, url: url((await certificate(c)).id, 'revoke'), body: { reason: '越权' }, expect: deny(403) }),
  },
  'POST /api/v1/certificates/:certificateId/uses': {
    success: async (c) => ({ token: (await consentFixture(c)).bank.staffToken, url: url((await certificate(c)).id, 'uses'), body: { note: '授信通过', amountFen: '300000000' } }),
    status: 201,
    refused: async (c) => ({ token: (await consentFixture(c)).bank.staffToken, url: url((await certificate(c, 'suspended')).id, 'uses'), body: { note: '暂停中使用' } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await certificate(c)).id, 'uses'), body: { note: '冒用' }, expect: deny(404) }),
  },
  'GET /api/v1/certificates/:certificateId/uses': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: url((await certificate(c)).id, 'uses') }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await certificate(c)).id, 'uses'), expect: deny(404) }),
  },
  'POST /api/v1/certificates/verify': {
    success: async (c) => ({ url: '/api/v1/certificates/verify', body: { credential: (await certificate(c)).jwt } }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/certificates/status/:listId': {
    success: async (c) => ({ url: (await certificate(c)).statusList }),
    status: 200,
    crossOrg: PUBLIC,
  },
};

async function waitForRegistrationCertificate(c: Ctx, applicationId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await c.h.call('GET', `/api/v1/certificates?box=issued&type=registration&sourceId=${applicationId}&status=active`, { token: c.dbA.auditorToken });
    if (r.body.items?.[0]) return r.body.items[0].id as string;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('no registration certificate');
}

/** The registration certificate of a fresh registered application of enterprise A (issued automatically). */
async function registrationCertificate(c: Ctx): Promise<string> {
  const id = await registeredApplication(c);
  await c.h.lt.flush();
  return waitForRegistrationCertificate(c, id);
}
