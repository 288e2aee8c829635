import { describe, expect, it } from 'vitest';
import { agreementActions, canManageOrg, canSeeOrgPrivate, computeAccess, consentActions, disputeActions, filingActions, listingActions, memberActions, negotiationActions, PERMISSIONS, productActions, resourceActions, tradeActions, type CurrentUser } from '../../console/src/access';
import { listingBoxes } from '../../console/src/pages/exchange/listing.rules';
import { ROUTES } from '../../console/src/app.routes';

const user = (orgRoles: string[], memberRole: string | null, orgId = 'org_a'): CurrentUser => ({ orgId, orgRoles, memberRole, personRoles: [] });

describe('console access', () => {
  it('gives an anonymous visitor only public pages', () => {
    const a = computeAccess(null);
    expect(PERMISSIONS.filter((p) => a[p])).toEqual(['public']);
  });

  it('lets only admins of the platform or the data bureau register organisations (POST /orgs policy)', () => {
    expect(computeAccess(user(['platform_admin'], 'org_admin'))['orgs.create']).toBe(true);
    expect(computeAccess(user(['data_bureau'], 'org_admin'))['orgs.create']).toBe(true);
    expect(computeAccess(user(['data_bureau'], 'staff'))['orgs.create']).toBe(false);
    expect(computeAccess(user(['enterprise'], 'org_admin'))['orgs.create']).toBe(false);
    expect(computeAccess(user(['regulator'], 'org_admin'))['orgs.create']).toBe(false);
  });

  it('follows member roles for keys, seals and attestations', () => {
    const auditor = computeAccess(user(['enterprise'], 'auditor'));
    expect(auditor['orgs.viewApiKeys']).toBe(true);
    expect(auditor['orgs.manageApiKeys']).toBe(false);
    expect(auditor['seals.sign']).toBe(false);
    const staff = computeAccess(user(['enterprise'], 'staff'));
    expect(staff['orgs.viewApiKeys']).toBe(false);
    expect(staff['seals.sign']).toBe(true);
    expect(staff['ledger.attest']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'finance'))['ledger.attest']).toBe(false);
  });

  it('lets every signed-in user browse the resource catalog, and org_admin or staff catalogue (POST /catalog/resources policy)', () => {
    expect(computeAccess(null)['catalog.resources']).toBe(false);
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) expect(computeAccess(user(['enterprise'], member))['catalog.resources']).toBe(true);
    expect(computeAccess(user(['source_unit'], 'org_admin'))['catalog.writeResources']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'staff'))['catalog.writeResources']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'finance'))['catalog.writeResources']).toBe(false);
    expect(computeAccess(user(['data_bureau'], 'auditor'))['catalog.writeResources']).toBe(false);
    expect(computeAccess(null)['catalog.writeResources']).toBe(false);
  });

  it('offers resource actions by state and role: owner submits, bureau publishes public data, owner admin social data', () => {
    const grid = user(['source_unit'], 'staff', 'org_grid');
    const bureau = user(['data_bureau'], 'org_admin', 'org_bureau');
    const bank = user(['enterprise'], 'org_admin', 'org_bank');
    const bankStaff = user(['enterprise'], 'staff', 'org_bank');
    const pub = (status: string) => ({ sourceOrgId: 'org_grid', scope: 'public' as const, status, version: 1, headVersion: 1 });
    const soc = (status: string) => ({ sourceOrgId: 'org_bank', scope: 'social' as const, status, version: 1, headVersion: 1 });
    const on = (u: CurrentUser, r: Parameters<typeof resourceActions>[2]) => Object.entries(resourceActions(computeAccess(u), u, r)).filter(([, v]) => v).map(([k]) => k);
    expect(on(grid, pub('draft'))).toEqual(['edit', 'grade', 'submit']);
    expect(on(bureau, pub('draft'))).toEqual([]);
    expect(on(grid, pub('submitted'))).toEqual([]);
    expect(on(bureau, pub('submitted'))).toEqual(['publish']);
    expect(on(grid, pub('published'))).toEqual(['edit']);
    expect(on(bureau, pub('published'))).toEqual(['deprecate']);
    expect(on(bank, pub('published'))).toEqual([]);
    expect(on(bank, soc('submitted'))).toEqual(['publish']);
    expect(on(bankStaff, soc('submitted'))).toEqual([]);
    expect(on(bureau, soc('submitted'))).toEqual([]);
    expect(on(bank, soc('published'))).toEqual(['edit', 'deprecate']);
    expect(on(grid, { ...pub('published'), version: 1, headVersion: 2 })).toEqual([]);
  });

  it('lets only a regulator admin register witnesses', () => {
    expect(computeAccess(user(['regulator'], 'org_admin'))['ledger.witnesses']).toBe(true);
    expect(computeAccess(user(['regulator'], 'staff'))['ledger.witnesses']).toBe(false);
    expect(computeAccess(user(['data_bureau'], 'org_admin'))['ledger.witnesses']).toBe(false);
  });

  it("never offers another organisation's users or keys, except to the platform administrator", () => {
    const admin = user(['enterprise'], 'org_admin', 'org_a');
    const a = computeAccess(admin);
    expect(canManageOrg(a, admin, 'org_a')).toBe(true);
    expect(canManageOrg(a, admin, 'org_b')).toBe(false);
    expect(canSeeOrgPrivate(admin, 'org_b')).toBe(false);
    const platform = user(['platform_admin'], 'org_admin', 'org_p');
    expect(canManageOrg(computeAccess(platform), platform, 'org_b')).toBe(true);
    expect(canSeeOrgPrivate(platform, 'org_b')).toBe(true);
    expect(canManageOrg(computeAccess(null), null, 'org_a')).toBe(false);
  });

  it('offers sharing requests to public bodies only, as the server allows', () => {
    const withType = (type: string, member = 'staff') => ({ ...user(['source_unit'], member), organisation: { type } });
    expect(computeAccess(withType('government'))['sharing.request']).toBe(true);
    expect(computeAccess(withType('public_enterprise'))['sharing.request']).toBe(true);
    expect(computeAccess(withType('enterprise'))['sharing.request']).toBe(false);
    expect(computeAccess(withType('government', 'auditor'))['sharing.request']).toBe(false);
    expect(computeAccess(user(['source_unit'], 'staff'))['sharing.request']).toBe(false);
  });

  it('offers authorized operation (授权运营) to its parties and overseers, as authorization.routes.ts allows', () => {
    const on = (roles: string[], member: string | null) => {
      const a = computeAccess(user(roles, member));
      return PERMISSIONS.filter((p) => p.startsWith('authorization.') && a[p]);
    };
    // Implementing body: reviews and decides, seals as org_admin, discloses.
    expect(on(['implementing_body'], 'org_admin')).toEqual(['authorization.agreements', 'authorization.decide', 'authorization.seal', 'authorization.disclose']);
    expect(on(['implementing_body'], 'staff')).toEqual(['authorization.agreements', 'authorization.decide', 'authorization.disclose']);
    expect(on(['implementing_body'], 'auditor')).toEqual(['authorization.agreements']);
    // Operator: applies (POST /agreements: operator, org_admin or staff), seals as org_admin, discloses.
    expect(on(['enterprise', 'operator'], 'org_admin')).toEqual(['authorization.agreements', 'authorization.apply', 'authorization.seal', 'authorization.disclose']);
    expect(on(['operator'], 'staff')).toEqual(['authorization.agreements', 'authorization.apply', 'authorization.disclose']);
    expect(on(['operator'], 'finance')).toEqual(['authorization.agreements']);
    // Overseers: every agreement and the missing disclosures; the data bureau's writers also suspend and terminate.
    expect(on(['data_bureau'], 'staff')).toEqual(['authorization.agreements', 'authorization.intervene', 'authorization.oversee']);
    expect(on(['data_bureau'], 'auditor')).toEqual(['authorization.agreements', 'authorization.oversee']);
    expect(on(['regulator'], 'org_admin')).toEqual(['authorization.agreements', 'authorization.oversee']);
    // Anyone else: nothing (the demo bureau is both data bureau and implementing body: everything but apply).
    expect(on(['enterprise', 'data_merchant'], 'org_admin')).toEqual([]);
    expect(on(['source_unit'], 'org_admin')).toEqual([]);
    expect(on(['data_bureau', 'implementing_body'], 'org_admin')).toEqual(PERMISSIONS.filter((p) => p.startsWith('authorization.') && p !== 'authorization.apply'));
  });

  it('offers agreement steps by the machine (actions from the API), the side and the member role', () => {
    const body = user(['implementing_body'], 'staff', 'org_body');
    const bodyAdmin = user(['implementing_body'], 'org_admin', 'org_body');
    const op = user(['operator'], 'staff', 'org_op');
    const opAdmin = user(['operator'], 'org_admin', 'org_op');
    const opAuditor = user(['operator'], 'auditor', 'org_op');
    const bureau = user(['data_bureau'], 'staff', 'org_bureau');
    const regulator = user(['regulator'], 'org_admin', 'org_reg');
    const other = user(['operator'], 'org_admin', 'org_other');
    const agreement = (actions: string[], sealed: { body?: boolean; op?: boolean } = {}) => ({
      implementingOrgId: 'org_body', operatorOrgId: 'org_op', actions, seals: { implementingBody: sealed.body ? {} : null, operator: sealed.op ? {} : null },
    });
    const on = (u: CurrentUser, a: Parameters<typeof agreementActions>[2]) => Object.entries(agreementActions(computeAccess(u), u, a)).filter(([, v]) => v).map(([k]) => k);
    const applied = agreement(['review', 'reject', 'withdraw']);
    expect(on(body, applied)).toEqual(['review', 'reject']);
    expect(on(op, applied)).toEqual(['withdraw']);
    expect(on(opAuditor, applied)).toEqual([]);
    expect(on(other, applied)).toEqual([]);
    expect(on(bureau, applied)).toEqual([]);
    const reviewed = agreement(['seal', 'reject', 'withdraw']);
    expect(on(body, reviewed)).toEqual(['reject']); // staff may not seal
    expect(on(bodyAdmin, reviewed)).toEqual(['reject', 'seal']);
    expect(on(opAdmin, reviewed)).toEqual(['withdraw', 'seal']);
    expect(on(bodyAdmin, agreement(['seal', 'reject', 'withdraw'], { body: true }))).toEqual(['reject']); // sealed once
    expect(on(opAdmin, agreement(['seal', 'reject', 'withdraw'], { body: true }))).toEqual(['withdraw', 'seal']);
    expect(on(regulator, reviewed)).toEqual([]);
    const signed = agreement(['activate', 'terminate'], { body: true, op: true });
    expect(on(body, signed)).toEqual(['activate', 'terminate']);
    expect(on(op, signed)).toEqual([]);
    expect(on(bureau, signed)).toEqual(['terminate']);
    const active = agreement(['suspend', 'terminate', 'expire', 'declare'], { body: true, op: true });
    expect(on(body, active)).toEqual(['suspend', 'terminate']);
    expect(on(op, active)).toEqual(['declare']);
    expect(on(bureau, active)).toEqual(['suspend', 'terminate']);
    expect(on(regulator, active)).toEqual([]);
    const suspended = agreement(['resume', 'terminate', 'expire'], { body: true, op: true });
    expect(on(body, suspended)).toEqual(['resume', 'terminate']);
    expect(on(bureau, suspended)).toEqual(['terminate']);
    expect(on(body, agreement([]))).toEqual([]);
    expect(agreementActions(computeAccess(null), null, active)).toMatchObject({ declare: false, suspend: false });
  });

  it("offers to withdraw a product to its operator's org_admin or staff while declared", () => {
    const p = { operatorOrgId: 'org_op', status: 'declared' };
    expect(productActions(user(['operator'], 'staff', 'org_op'), p).withdraw).toBe(true);
    expect(productActions(user(['operator'], 'auditor', 'org_op'), p).withdraw).toBe(false);
    expect(productActions(user(['implementing_body'], 'org_admin', 'org_body'), p).withdraw).toBe(false);
    expect(productActions(user(['operator'], 'org_admin', 'org_op'), { ...p, status: 'withdrawn' }).withdraw).toBe(false);
    expect(productActions(null, p).withdraw).toBe(false);
  });

  it('offers the digital space to enterprises, requests to writers and webhooks to org_admin, as authorization.routes.ts allows', () => {
    const on = (type: string | null, member: string | null, roles: string[] = ['enterprise']) => {
      const a = computeAccess({ ...user(roles, member), ...(type ? { organisation: { type } } : {}) });
      return PERMISSIONS.filter((p) => (p.startsWith('space.') || p.startsWith('notifications.')) && a[p]);
    };
    // An enterprise (or public enterprise) holds a legal-person digital space; its org_admin or staff
    // manage it and request; its org_admin binds it to the registry record.
    expect(on('enterprise', 'org_admin')).toEqual(['space.holder', 'space.manage', 'space.bind', 'space.consents', 'space.request', 'notifications.inbox', 'notifications.webhooks']);
    expect(on('enterprise', 'staff')).toEqual(['space.holder', 'space.manage', 'space.consents', 'space.request', 'notifications.inbox']);
    expect(on('public_enterprise', 'staff', ['source_unit'])).toEqual(['space.holder', 'space.manage', 'space.consents', 'space.request', 'notifications.inbox']);
    // An individual's account has a personal digital space, but binding to the registry is for enterprises.
    expect(on('individual', 'org_admin', ['individual'])).toEqual(['space.holder', 'space.manage', 'space.consents', 'space.request', 'notifications.inbox', 'notifications.webhooks']);
    // Auditors and finance read: the space, the authorizations, the inbox; they change nothing.
    expect(on('enterprise', 'auditor')).toEqual(['space.holder', 'space.consents', 'notifications.inbox']);
    expect(on('enterprise', 'finance')).toEqual(['space.holder', 'space.consents', 'notifications.inbox']);
    // A public body has no digital space (AUTHORIZATION_NOT_A_HOLDER) but may request, and sees its inbox.
    expect(on('government', 'org_admin', ['data_bureau'])).toEqual(['space.consents', 'space.request', 'notifications.inbox', 'notifications.webhooks']);
    expect(on('public_institution', 'staff', ['source_unit'])).toEqual(['space.consents', 'space.request', 'notifications.inbox']);
    expect(on(null, 'org_admin')).toEqual(['space.consents', 'space.request', 'notifications.inbox', 'notifications.webhooks']);
    expect(PERMISSIONS.filter((p) => (p.startsWith('space.') || p.startsWith('notifications.')) && computeAccess(null)[p])).toEqual([]);
  });

  it('offers authorization steps by side, state and member role (the holder decides and revokes, the requester withdraws, retrieves and attests)', () => {
    const holder = (member: string) => user(['enterprise'], member, 'org_factory');
    const requester = (member: string) => user(['enterprise'], member, 'org_bank');
    const other = user(['enterprise'], 'org_admin', 'org_other');
    const bureau = user(['data_bureau'], 'org_admin', 'org_bureau');
    const consent = (status: string, extra: { grantIds?: string[]; deletion?: { attestedAt: string | null } | null } = {}) => ({
      holderOrgId: 'org_factory', requesterOrgId: 'org_bank', status, grantIds: extra.grantIds ?? [], deletion: extra.deletion ?? null,
    });
    const on = (u: CurrentUser | null, c: Parameters<typeof consentActions>[1]) => Object.entries(consentActions(u, c)).filter(([, v]) => v).map(([k]) => k);
    const pending = consent('pending');
    expect(on(holder('org_admin'), pending)).toEqual(['approve', 'reject']);
    expect(on(holder('staff'), pending)).toEqual(['approve', 'reject']);
    expect(on(holder('auditor'), pending)).toEqual([]);
    expect(on(requester('staff'), pending)).toEqual(['withdraw']);
    expect(on(requester('finance'), pending)).toEqual([]);
    expect(on(other, pending)).toEqual([]);
    expect(on(bureau, pending)).toEqual([]);
    const approved = consent('approved', { grantIds: ['gr_1', 'gr_2'] });
    expect(on(holder('staff'), approved)).toEqual(['revoke']);
    expect(on(requester('org_admin'), approved)).toEqual(['retrieve']);
    expect(on(requester('auditor'), approved)).toEqual(['retrieve']); // reading is the gateway's to decide
    expect(on(other, approved)).toEqual([]);
    for (const ended of ['revoked', 'expired', 'exhausted']) {
      const due = consent(ended, { grantIds: ['gr_1'], deletion: { attestedAt: null } });
      expect(on(holder('org_admin'), due), ended).toEqual([]);
      expect(on(requester('staff'), due), ended).toEqual(['attest', 'retrieve']); // retrieving shows the gateway's refusal
      expect(on(requester('staff'), { ...due, deletion: { attestedAt: '2026-12-01T00:00:00.000Z' } }), ended).toEqual(['retrieve']);
      expect(on(requester('auditor'), due), ended).toEqual(['retrieve']);
    }
    for (const closed of ['rejected', 'withdrawn']) {
      expect(on(holder('org_admin'), consent(closed)), closed).toEqual([]);
      expect(on(requester('org_admin'), consent(closed)), closed).toEqual([]);
    }
    expect(on(null, approved)).toEqual([]);
  });

  it('offers data assets on the books (数据资产入表) to enterprises, and recognising to their org_admin, staff or finance (registry.routes.ts)', () => {
    const on = (type: string | null, member: string | null, roles: string[] = ['enterprise']) => {
      const a = computeAccess({ ...user(roles, member), ...(type ? { organisation: { type } } : {}) });
      return (['registry.accounting', 'registry.recognise'] as const).filter((p) => a[p]);
    };
    for (const member of ['org_admin', 'staff', 'finance']) expect(on('enterprise', member), member).toEqual(['registry.accounting', 'registry.recognise']);
    expect(on('enterprise', 'auditor')).toEqual(['registry.accounting']);
    expect(on('public_enterprise', 'finance', ['source_unit'])).toEqual(['registry.accounting', 'registry.recognise']);
    // A valuer is an enterprise too; public bodies and individuals keep no enterprise books.
    expect(on('enterprise', 'staff', ['service_provider'])).toEqual(['registry.accounting', 'registry.recognise']);
    expect(on('government', 'org_admin', ['data_bureau'])).toEqual([]);
    expect(on('public_institution', 'finance', ['source_unit'])).toEqual([]);
    expect(on('individual', 'org_admin', ['individual'])).toEqual([]);
    expect(on(null, 'finance', ['enterprise'])).toEqual(['registry.accounting', 'registry.recognise']);
    expect(on(null, 'org_admin', ['regulator'])).toEqual([]);
    const route = ROUTES.find((r) => r.path === '/console/registry/accounting')!;
    expect(route).toMatchObject({ access: 'registry.accounting', area: 'console', menu: true });
  });

  it('route table: every entry names a known permission, and console pages need a signed-in user', () => {
    const paths = new Set<string>();
    for (const r of ROUTES) {
      expect(PERMISSIONS).toContain(r.access);
      expect(paths.has(r.path)).toBe(false);
      paths.add(r.path);
      if (r.area === 'console') expect(r.access).not.toBe('public');
    }
  });
  it('offers exchange membership steps as the exchange routes allow them', () => {
    const exchangeStaff = user(['exchange'], 'staff', 'org_x');
    const exchangeAuditor = user(['exchange'], 'auditor', 'org_x');
    const applicantAdmin = user(['enterprise'], 'org_admin', 'org_a');
    const applicantStaff = user(['enterprise'], 'staff', 'org_a');
    const applied = { orgId: 'org_a', status: 'applied' };
    expect(memberActions(exchangeStaff, applied)).toMatchObject({ approve: true, reject: true, suspend: false, withdraw: false, attach: false });
    expect(memberActions(exchangeAuditor, applied)).toMatchObject({ approve: false, reject: false });
    expect(memberActions(applicantAdmin, applied)).toMatchObject({ approve: false, withdraw: true, attach: true });
    expect(memberActions(applicantStaff, applied)).toMatchObject({ withdraw: false, attach: true });
    expect(memberActions(user(['enterprise'], 'org_admin', 'org_b'), applied)).toMatchObject({ withdraw: false, attach: false });
    expect(memberActions(exchangeStaff, { orgId: 'org_a', status: 'active' })).toMatchObject({ approve: false, suspend: true, terminate: true, reinstate: false });
    expect(memberActions(exchangeStaff, { orgId: 'org_a', status: 'suspended' })).toMatchObject({ suspend: false, reinstate: true, terminate: true });
    expect(memberActions(applicantAdmin, { orgId: 'org_a', status: 'active' })).toMatchObject({ withdraw: false, attach: false });
    expect(computeAccess(user(['data_bureau'], 'staff'))['exchange.certify']).toBe(true);
    expect(computeAccess(user(['exchange'], 'staff'))['exchange.certify']).toBe(false);
    expect(computeAccess(user(['enterprise'], 'staff'))['exchange.apply']).toBe(false);
    expect(computeAccess(user(['enterprise'], 'staff'))['exchange.review']).toBe(false);
    expect(computeAccess(user(['regulator'], 'auditor'))['exchange.review']).toBe(true);
  });

  it('offers listing pages as the listing routes allow them: every organisation reads its own, org_admin or staff list, service providers assess, the exchange reviews', () => {
    const orgUser = (orgRoles: string[], memberRole: string | null, type = 'enterprise'): CurrentUser => ({ orgId: 'org_a', orgRoles, memberRole, personRoles: [], organisation: { type } });
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) expect(computeAccess(orgUser(['enterprise'], member))['exchange.listings']).toBe(true);
    expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))['exchange.listings']).toBe(false);
    expect(computeAccess(null)['exchange.listings']).toBe(false);
    // Listing (POST /exchange/listings, PUT, the party's steps): org_admin or staff, not auditors or finance.
    expect(computeAccess(orgUser(['data_merchant'], 'org_admin'))['exchange.list']).toBe(true);
    expect(computeAccess(orgUser(['enterprise'], 'staff'))['exchange.list']).toBe(true);
    expect(computeAccess(orgUser(['enterprise'], 'auditor'))['exchange.list']).toBe(false);
    expect(computeAccess(orgUser(['enterprise'], 'finance'))['exchange.list']).toBe(false);
    expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))['exchange.list']).toBe(false);
    // The assessment box: service providers (the server checks the compliance service and the naming).
    expect(computeAccess(orgUser(['service_provider'], 'staff'))['exchange.assess']).toBe(true);
    expect(computeAccess(orgUser(['enterprise'], 'org_admin'))['exchange.assess']).toBe(false);
    // The review's decisions: the exchange's org_admin or staff; the regulator reads the review box.
    expect(computeAccess(orgUser(['exchange'], 'staff'))['exchange.listingReview']).toBe(true);
    expect(computeAccess(orgUser(['exchange'], 'auditor'))['exchange.listingReview']).toBe(false);
    expect(computeAccess(orgUser(['regulator'], 'org_admin'))['exchange.listingReview']).toBe(false);
    expect(listingBoxes(computeAccess(orgUser(['exchange'], 'org_admin')))).toEqual(['review', 'all', 'mine']);
    expect(listingBoxes(computeAccess(orgUser(['regulator'], 'auditor')))).toEqual(['review', 'all', 'mine']);
    expect(listingBoxes(computeAccess(orgUser(['service_provider'], 'staff')))).toEqual(['mine', 'assess']);
    expect(listingBoxes(computeAccess(orgUser(['data_merchant', 'enterprise'], 'org_admin')))).toEqual(['mine']);
    const routes = Object.fromEntries(ROUTES.filter((r) => r.path.startsWith('/console/exchange/listings') || r.path.startsWith('/market')).map((r) => [r.path, [r.access, r.area, r.menu]]));
    expect(routes).toEqual({
      '/market': ['public', 'portal', true],
      '/market/disclosure': ['public', 'portal', true],
      '/market/:listingId': ['public', 'portal', false],
      '/console/exchange/listings': ['exchange.listings', 'console', true],
      '/console/exchange/listings/new': ['exchange.list', 'console', false],
      '/console/exchange/listings/:listingId': ['exchange.listings', 'console', false],
      '/console/exchange/listings/:listingId/edit': ['exchange.list', 'console', false],
    });
  });

  it('offers the steps of a listing by the viewer\'s role, its state and the member role (listing.rules.ts LISTING_TRANSITIONS)', () => {
    const none = { edit: false, requestAssessment: false, submit: false, withdraw: false, delist: false, assess: false, approve: false, reject: false, suspend: false, reinstate: false, exchangeDelist: false };
    const on = (...keys: Array<keyof typeof none>) => ({ ...none, ...Object.fromEntries(keys.map((k) => [k, true])) });
    // The seller or its broker.
    expect(listingActions('party', 'draft', 'org_admin')).toEqual(on('edit', 'requestAssessment', 'withdraw'));
    expect(listingActions('party', 'draft', 'staff')).toEqual(on('edit', 'requestAssessment', 'withdraw'));
    expect(listingActions('party', 'assessing', 'staff')).toEqual(on('withdraw'));
    expect(listingActions('party', 'assessed', 'staff')).toEqual(on('submit', 'withdraw'));
    expect(listingActions('party', 'submitted', 'staff')).toEqual(on('withdraw'));
    expect(listingActions('party', 'listed', 'org_admin')).toEqual(on('delist'));
    expect(listingActions('party', 'suspended', 'org_admin')).toEqual(on('delist'));
    for (const s of ['delisted', 'withdrawn']) expect(listingActions('party', s, 'org_admin')).toEqual(none);
    // Auditors and finance staff read only.
    for (const member of ['auditor', 'finance', null]) {
      expect(listingActions('party', 'draft', member)).toEqual(none);
      expect(listingActions('assessor', 'assessing', member)).toEqual(none);
      expect(listingActions('exchange', 'submitted', member)).toEqual(none);
    }
    // The named assessor, while assessing only.
    expect(listingActions('assessor', 'assessing', 'staff')).toEqual(on('assess'));
    for (const s of ['draft', 'assessed', 'submitted', 'listed']) expect(listingActions('assessor', s, 'staff')).toEqual(none);
    // The exchange.
    expect(listingActions('exchange', 'submitted', 'staff')).toEqual(on('approve', 'reject'));
    expect(listingActions('exchange', 'listed', 'org_admin')).toEqual(on('suspend', 'exchangeDelist'));
    expect(listingActions('exchange', 'suspended', 'org_admin')).toEqual(on('reinstate', 'exchangeDelist'));
    for (const s of ['draft', 'assessing', 'assessed', 'delisted', 'withdrawn']) expect(listingActions('exchange', s, 'org_admin')).toEqual(none);
    // The regulator reads.
    for (const s of ['draft', 'assessing', 'assessed', 'submitted', 'listed', 'suspended']) expect(listingActions('regulator', s, 'org_admin')).toEqual(none);
  });
  it('offers negotiations as the negotiation routes allow them: every organisation reads its own, org_admin or staff move, the exchange and the regulator see all', () => {
    const orgUser = (orgRoles: string[], memberRole: string | null, type = 'enterprise'): CurrentUser => ({ orgId: 'org_a', orgRoles, memberRole, personRoles: [], organisation: { type } });
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) expect(computeAccess(orgUser(['enterprise'], member))['exchange.negotiations']).toBe(true);
    expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))['exchange.negotiations']).toBe(false);
    expect(computeAccess(null)['exchange.negotiations']).toBe(false);
    // POST /exchange/negotiations and the moves: org_admin or staff (ACTING); the server checks membership and mandates.
    for (const [member, may] of [['org_admin', true], ['staff', true], ['finance', false], ['auditor', false]] as const) expect(computeAccess(orgUser(['enterprise'], member))['exchange.negotiate'], member).toBe(may);
    expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))['exchange.negotiate']).toBe(false);
    const routes = Object.fromEntries(ROUTES.filter((r) => r.path.startsWith('/console/exchange/negotiations')).map((r) => [r.path, [r.access, r.area, r.menu, r.locales]]));
    expect(routes).toEqual({
      '/console/exchange/negotiations': ['exchange.negotiations', 'console', true, ['exchange']],
      '/console/exchange/negotiations/:negotiationId': ['exchange.negotiations', 'console', false, ['exchange', 'trade']],
      '/console/exchange/negotiations/:negotiationId/contract': ['exchange.negotiations', 'console', false, ['exchange']],
    });
  });

  it("offers the moves of a negotiation from its viewerMoves, the viewer's party and the member role (negotiation.service.ts)", () => {
    const none = { request: false, offer: false, accept: false, agree: false, verify: false, seal: false, finalize: false, awaitingBrokers: false, terminate: false };
    const on = (...keys: Array<keyof typeof none>) => ({ ...none, ...Object.fromEntries(keys.map((k) => [k, true])) });
    const n = (state: string, viewerParty: string | null, viewerMoves: string[], sealsNeeded: string[] = ['seller', 'buyer']) => ({ state, viewerParty, viewerMoves, sealsNeeded });
    // The seller answers a request: counter-offer, agree (its administrator), terminate.
    expect(negotiationActions('org_admin', n('REQUESTED', 'seller', ['offer', 'agree', 'terminate']))).toEqual(on('offer', 'agree', 'terminate'));
    expect(negotiationActions('staff', n('REQUESTED', 'seller', ['offer', 'agree', 'terminate']))).toEqual(on('offer', 'terminate'));
    // The seller's broker is on the provider side but does not agree: the seller seals itself.
    expect(negotiationActions('org_admin', n('REQUESTED', 'sellerBroker', ['offer', 'agree', 'terminate'], ['seller', 'buyer', 'sellerBroker']))).toEqual(on('offer', 'terminate'));
    // The buyer answers an offer: counter, accept, terminate.
    expect(negotiationActions('staff', n('OFFERED', 'buyer', ['request', 'accept', 'terminate']))).toEqual(on('request', 'accept', 'terminate'));
    // The buyer verifies (its administrator; the escrow is paid then), not its broker.
    expect(negotiationActions('org_admin', n('AGREED', 'buyer', ['verify', 'terminate'], ['buyer']))).toEqual(on('verify', 'terminate'));
    expect(negotiationActions('staff', n('AGREED', 'buyer', ['verify', 'terminate'], ['buyer']))).toEqual(on('terminate'));
    expect(negotiationActions('org_admin', n('AGREED', 'buyerBroker', ['verify', 'terminate'], ['buyer', 'buyerBroker']))).toEqual(on('seal', 'terminate'));
    // A broker seals once agreed, once only, by its administrator.
    expect(negotiationActions('org_admin', n('VERIFIED', 'buyerBroker', ['terminate'], ['buyerBroker']))).toEqual(on('seal', 'terminate'));
    expect(negotiationActions('org_admin', n('VERIFIED', 'buyerBroker', ['terminate'], []))).toEqual(on('terminate'));
    expect(negotiationActions('staff', n('VERIFIED', 'buyerBroker', ['terminate'], ['buyerBroker']))).toEqual(on('terminate'));
    expect(negotiationActions('org_admin', n('REQUESTED', 'buyerBroker', ['request', 'terminate'], ['seller', 'buyer', 'buyerBroker']))).toEqual(on('request', 'terminate'));
    // Finalising: the provider side's administrator, once every broker sealed.
    expect(negotiationActions('org_admin', n('VERIFIED', 'seller', ['finalize', 'terminate'], []))).toEqual(on('finalize', 'terminate'));
    expect(negotiationActions('org_admin', n('VERIFIED', 'seller', ['finalize', 'terminate'], ['buyerBroker']))).toEqual(on('awaitingBrokers', 'terminate'));
    expect(negotiationActions('staff', n('VERIFIED', 'seller', ['finalize', 'terminate'], []))).toEqual(on('terminate'));
    // Auditors, finance staff and overseers read; nothing moves a final negotiation.
    for (const member of ['auditor', 'finance', null]) expect(negotiationActions(member, n('REQUESTED', 'seller', ['offer', 'agree', 'terminate']))).toEqual(none);
    expect(negotiationActions('org_admin', n('REQUESTED', null, []))).toEqual(none);
    for (const s of ['FINALIZED', 'TERMINATED']) expect(negotiationActions('org_admin', n(s, 'seller', [], []))).toEqual(none);
  });
  it('offers the books, settlement, disputes and filings as the exchange routes allow them', () => {
    const orgUser = (orgRoles: string[], memberRole: string | null, type = 'enterprise'): CurrentUser => ({ orgId: 'org_a', orgRoles, memberRole, personRoles: [], organisation: { type } });
    // GET …/statement: every member role of an organisation reads its own books; not individuals, not anonymous visitors.
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) expect(computeAccess(orgUser(['enterprise'], member))['exchange.books'], member).toBe(true);
    expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))['exchange.books']).toBe(false);
    expect(computeAccess(null)['exchange.books']).toBe(false);
    // Deposits, withdrawals and settlement runs: the exchange's finance staff only (FINANCE in exchange.routes.ts).
    for (const [roles, member, may] of [
      [['exchange'], 'finance', true], [['exchange'], 'org_admin', false], [['exchange'], 'staff', false], [['exchange'], 'auditor', false],
      [['enterprise'], 'finance', false], [['regulator'], 'finance', false],
    ] as const) expect(computeAccess(orgUser([...roles], member))['exchange.finance'], `${roles} ${member}`).toBe(may);
    // Settlement batches and reconciliation: the exchange and the regulator, any member role.
    for (const member of ['org_admin', 'finance', 'auditor']) {
      expect(computeAccess(orgUser(['exchange'], member))['exchange.settlements']).toBe(true);
      expect(computeAccess(orgUser(['regulator'], member))['exchange.settlements']).toBe(true);
    }
    expect(computeAccess(orgUser(['enterprise'], 'org_admin'))['exchange.settlements']).toBe(false);
    expect(computeAccess(orgUser(['broker'], 'finance'))['exchange.settlements']).toBe(false);
    // Disputes and filings: organisations read their own; org_admin or staff file.
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) {
      expect(computeAccess(orgUser(['enterprise'], member))['exchange.disputes']).toBe(true);
      expect(computeAccess(orgUser(['enterprise'], member))['exchange.filings']).toBe(true);
      expect(computeAccess(orgUser(['enterprise'], member))['exchange.file'], member).toBe(member === 'org_admin' || member === 'staff');
    }
    for (const key of ['exchange.disputes', 'exchange.filings', 'exchange.file'] as const) expect(computeAccess(orgUser(['individual'], 'org_admin', 'individual'))[key]).toBe(false);
    const routes = Object.fromEntries(ROUTES.filter((r) => ['/console/exchange/books', '/console/exchange/settlements'].includes(r.path)).map((r) => [r.path, [r.access, r.area, r.menu]]));
    expect(routes).toEqual({
      '/console/exchange/books': ['exchange.books', 'console', true],
      '/console/exchange/settlements': ['exchange.settlements', 'console', true],
    });
  });

  it('offers insurance and custody to service providers: the list to any member, attaching to org_admin and staff (exchange.routes.ts attachments)', () => {
    const provider = (member: string | null) => computeAccess(user(['service_provider'], member));
    expect(provider('staff')['exchange.attachments']).toBe(true);
    expect(provider('staff')['exchange.attach']).toBe(true);
    expect(provider('auditor')['exchange.attachments']).toBe(true);
    expect(provider('auditor')['exchange.attach']).toBe(false);
    for (const roles of [['enterprise'], ['exchange'], ['regulator'], ['broker']]) expect(computeAccess(user(roles, 'org_admin'))['exchange.attachments']).toBe(false);
    expect(ROUTES.find((r) => r.path === '/console/exchange/attachments')).toMatchObject({ access: 'exchange.attachments', area: 'console', menu: true, locales: ['trade'] });
  });

  it('offers the steps after a contract is in force by party, state, period, delivery, acceptance and dispute (delivery.service.ts, dispute.service.ts)', () => {
    const none = { deliver: false, link: false, accept: false, rate: false, dispute: false, attestDestruction: false, deliverApi: false };
    const on = (...keys: Array<keyof typeof none>) => ({ ...none, ...Object.fromEntries(keys.map((k) => [k, true])) });
    const today = '2026-12-01';
    const n = (party: string | null, o: { state?: string; endsOn?: string | null; deliveredAt?: string | null; acceptedAt?: string | null } = {}) => ({
      state: o.state ?? 'FINALIZED', viewerParty: party, endsOn: o.endsOn === undefined ? '2027-11-30' : o.endsOn, deliveredAt: o.deliveredAt ?? null, acceptedAt: o.acceptedAt ?? null,
    });
    const ctx = (o: { settlementStatus?: string | null; openDispute?: boolean; today?: string } = {}) => ({ today: o.today ?? today, settlementStatus: o.settlementStatus ?? null, openDispute: o.openDispute ?? false });
    const delivered = { deliveredAt: '2026-12-01T02:00:00Z' };
    const accepted = { ...delivered, acceptedAt: '2026-12-01T03:00:00Z' };
    // In force, nothing delivered: the seller delivers; either party may raise a dispute (the money is in escrow).
    expect(tradeActions('staff', n('seller'), ctx())).toEqual(on('deliver', 'dispute'));
    expect(tradeActions('org_admin', n('buyer'), ctx())).toEqual(on('dispute'));
    // Delivered: the seller may deliver more; the buyer takes links and accepts.
    expect(tradeActions('staff', n('seller', delivered), ctx())).toEqual(on('deliver', 'dispute'));
    expect(tradeActions('staff', n('buyer', delivered), ctx())).toEqual(on('link', 'accept', 'dispute'));
    // An open dispute: no acceptance, no second dispute.
    expect(tradeActions('staff', n('buyer', delivered), ctx({ openDispute: true, settlementStatus: 'held' }))).toEqual(on('link'));
    // Accepted: no more deliveries or acceptance; both rate; a dispute until settled.
    expect(tradeActions('staff', n('seller', accepted), ctx({ settlementStatus: 'pending' }))).toEqual(on('rate', 'dispute'));
    expect(tradeActions('staff', n('buyer', accepted), ctx({ settlementStatus: 'pending' }))).toEqual(on('link', 'rate', 'dispute'));
    expect(tradeActions('staff', n('buyer', accepted), ctx({ settlementStatus: 'settled' }))).toEqual(on('link', 'rate'));
    // The contract's last day still counts; the day after, the buyer attests destruction and links end.
    expect(tradeActions('staff', n('buyer', accepted), ctx({ settlementStatus: 'settled', today: '2027-11-30' }))).toEqual(on('link', 'rate'));
    expect(tradeActions('staff', n('buyer', accepted), ctx({ settlementStatus: 'settled', today: '2027-12-01' }))).toEqual(on('rate', 'attestDestruction'));
    expect(tradeActions('staff', n('seller', {}), ctx({ today: '2027-12-01' }))).toEqual(on('dispute'));
    // Brokers, overseers, finance staff, auditors and anonymous read only; nothing before the contract is in force.
    for (const party of ['sellerBroker', 'buyerBroker', null]) expect(tradeActions('org_admin', n(party, delivered), ctx())).toEqual(none);
    for (const member of ['finance', 'auditor', null]) expect(tradeActions(member, n('buyer', delivered), ctx())).toEqual(none);
    for (const state of ['VERIFIED', 'TERMINATED']) expect(tradeActions('org_admin', n('seller', { state, endsOn: null }), ctx())).toEqual(none);
    // Rated once, attested once (the negotiation's viewerRated and destruction).
    expect(tradeActions('staff', { ...n('buyer', accepted), viewerRated: true }, ctx({ settlementStatus: 'settled' }))).toEqual(on('link'));
    expect(tradeActions('staff', { ...n('buyer', accepted), viewerRated: true, destruction: { attestedAt: '2027-12-01T01:00:00Z' } }, ctx({ settlementStatus: 'settled', today: '2027-12-01' }))).toEqual(none);
    // API delivery: the seller opens it once, when the listing offers 'api', before acceptance (delivery.service.ts deliverApi).
    const api = { today, settlementStatus: null, openDispute: false, apiOffered: true };
    expect(tradeActions('staff', n('seller'), api)).toEqual(on('deliver', 'dispute', 'deliverApi'));
    expect(tradeActions('staff', { ...n('seller', delivered), grantId: 'grt_1' }, api)).toEqual(on('deliver', 'dispute'));
    expect(tradeActions('staff', n('seller', accepted), { ...api, settlementStatus: 'pending' })).toEqual(on('rate', 'dispute'));
    expect(tradeActions('staff', n('seller', {}), { ...api, today: '2027-12-01' })).toEqual(on('dispute'));
    for (const party of ['buyer', 'sellerBroker', null]) expect(tradeActions('org_admin', n(party), api).deliverApi).toBe(false);
    expect(tradeActions('finance', n('seller'), api).deliverApi).toBe(false);
  });
  it('lets the named arbitrator rule on an open dispute, and the counterparty confirm a filing (dispute.service.ts, filing.service.ts)', () => {
    const u = (orgId: string, memberRole: string | null): CurrentUser => ({ orgId, orgRoles: ['service_provider'], memberRole, personRoles: [] });
    const d = (status: string) => ({ arbitratorOrgId: 'org_arb', status });
    expect(disputeActions(u('org_arb', 'staff'), d('open'))).toEqual({ rule: true });
    expect(disputeActions(u('org_arb', 'org_admin'), d('open'))).toEqual({ rule: true });
    expect(disputeActions(u('org_arb', 'staff'), d('ruled'))).toEqual({ rule: false });
    for (const member of ['finance', 'auditor', null]) expect(disputeActions(u('org_arb', member), d('open'))).toEqual({ rule: false });
    expect(disputeActions(u('org_buyer', 'org_admin'), d('open'))).toEqual({ rule: false });
    expect(disputeActions(null, d('open'))).toEqual({ rule: false });
    const f = (status: string) => ({ counterparty: { orgId: 'org_cp' }, status });
    expect(filingActions(u('org_cp', 'staff'), f('filed'))).toEqual({ confirm: true });
    expect(filingActions(u('org_cp', 'staff'), f('confirmed'))).toEqual({ confirm: false });
    expect(filingActions(u('org_filer', 'org_admin'), f('filed'))).toEqual({ confirm: false });
    for (const member of ['finance', 'auditor']) expect(filingActions(u('org_cp', member), f('filed'))).toEqual({ confirm: false });
    const routes = Object.fromEntries(ROUTES.filter((r) => r.path.startsWith('/console/exchange/disputes') || r.path.startsWith('/console/exchange/filings') || r.path === '/market/disclosure').map((r) => [r.path, [r.access, r.area, r.menu]]));
    expect(routes).toEqual({
      '/console/exchange/disputes': ['exchange.disputes', 'console', true],
      '/console/exchange/disputes/:disputeId': ['exchange.disputes', 'console', false],
      '/console/exchange/filings': ['exchange.filings', 'console', true],
      '/market/disclosure': ['public', 'portal', true],
    });
  });
});
