/** Route cases: catalog search (signed-in and public) and the index rebuild. */
import { expect } from 'vitest';
import { newResource, resourceIn, type Case } from './route.cases.js';

export const SEARCH_CASES: Record<string, Case> = {
  'GET /api/v1/catalog/search': {
    success: async (c) => {
      await resourceIn(c, 'published');
      return { token: c.a.auditorToken, url: `/api/v1/catalog/search?q=${encodeURIComponent('路由资源')}&type=resource&pageSize=5` };
    },
    status: 200,
    // Organisation A's draft social resource is found by A, never by B (nor counted in B's facets).
    crossOrg: async (c) => {
      const id = await newResource(c, c.a);
      const mine = await c.h.call('GET', `/api/v1/catalog/search?q=${encodeURIComponent('路由资源')}&body=${c.a.id}&pageSize=200`, { token: c.a.staffToken });
      expect(mine.body.items.map((i: any) => i.id)).toContain(id);
      return { token: c.b.staffToken, url: `/api/v1/catalog/search?q=${encodeURIComponent('路由资源')}&body=${c.a.id}`, expect: (r) => {
        expect(r.status).toBe(200);
        expect(r.body.total).toBe(0);
        expect(r.body.facets.body).toEqual([]);
      } };
    },
  },
  'GET /api/v1/public/search': {
    success: () => ({ url: `/api/v1/public/search?q=${encodeURIComponent('路由资源')}` }),
    status: 200,
    // Another organisation's social resource, even published, is never an open dataset.
    crossOrg: async (c) => {
      const id = await resourceIn(c, 'published', c.a);
      return { url: `/api/v1/public/search?q=${encodeURIComponent('路由资源')}&body=${c.a.id}`, expect: (r) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: any) => i.id)).not.toContain(id);
        expect(r.body.total).toBe(0);
      } };
    },
  },
  'POST /api/v1/catalog/search/reindex': {
    success: (c) => ({ token: c.h.adminToken, url: '/api/v1/catalog/search/reindex' }),
    status: 200,
    refused: (c) => ({ token: c.dbA.adminToken, url: '/api/v1/catalog/search/reindex' }),
    crossOrg: { notApplicable: 'the index is platform-wide, rebuilt by the platform administrator; it holds no organisation-private answer (visibility is applied at search time)' },
  },
};
