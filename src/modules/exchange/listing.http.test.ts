import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { registeredApplication } from '../../../test/routes/registry.cases.js';
import type { Ctx } from '../../../test/routes/route.cases.js';
import { CHECKLIST_ITEMS } from './listing.rules.js';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const day = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
const content = (over: Record<string, unknown> = {}) => ({
  title: { zh: '企业月度用电量数据集', en: 'Monthly enterprise electricity usage' },
  description: { zh: '按行业汇总的企业月度用电量，用于授信与景气监测。', en: 'Monthly electricity usage of enterprises by industry.' },
  category: 'energy', region: 'guangzhou', dataKinds: ['enterprise', 'aggregated'],
  sample: { kind: 'masked', mediaType: 'text/csv', content: 'uscc,month,kwh\n91440101MA5*****,2026-09,12034\n' },
  deliveryMethods: ['api', 'file'], pricing: { model: 'subscription', amountFen: '1200000', period: 'year' },
  policy: { purposes: ['授信审批', '贷后风险监测'], periodDays: 365, maxUses: 10000, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true },
  ...over,
});
const checklist = (failed: string[] = []) => Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, failed.includes(k) ? { passed: false, note: '授权链条缺少数据来源方的书面授权' } : { passed: true, note: '符合' }]));

describeEachEngine('exchange listings (挂牌): gates, compliance assessment, review, the market', (engine) => {
  const h = useLiutong(engine);
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  let exchange: TestOrg;

  /** An organisation admitted as an active member of `kind`. */
  const admitted = async (org: TestOrg, kind: string, services?: string[]) => {
    const a = await api('POST', '/exchange/members', org.adminToken, { kind, ...(services ? { services } : {}), contact: { name: '联系人', phone: '020-12345678', email: 'c@example.cn' }, statement: '挂牌测试' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    await api('POST', `/exchange/members/${a.body.id}/files`, org.staffToken, { name: '营业执照.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') });
    expect((await api('POST', `/exchange/members/${a.body.id}/approve`, exchange.staffToken, {})).status).toBe(200);
    return a.body.id as string;
  };

  it('lists a registered asset only through every gate, the assessment and the review; the market shows it and hides it again', async () => {
    exchange = await h().org(['exchange'], 'Exchange');
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    const regulator = await h().org(['regulator'], 'Regulator', 'government');
    const seller = await h().org(['enterprise'], 'Seller');
    const other = await h().org(['enterprise'], 'Other');
    const compliance = await h().org(['service_provider'], 'Compliance');
    let n = 0;
    const ctx = { h: h(), a: seller, dbA: bureau, n: () => ++n } as unknown as Ctx;
    const assetId = await registeredApplication(ctx);
    const othersAsset = await registeredApplication({ ...ctx, a: other } as Ctx);

    // Not a member yet: refused, nothing created.
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content() })).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    await admitted(seller, 'seller');
    await admitted(compliance, 'service_provider', ['compliance']);
    await admitted(other, 'service_provider', ['legal']);

    // No registration, no trade; prohibited kinds; bad shapes.
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId: 'rap_00000000000000000000', ...content() })).body.error).toMatchObject({ code: 'EXCHANGE_NOT_REGISTERED', details: { reason: 'not_registered' } });
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId: othersAsset, ...content() })).body.error).toMatchObject({ code: 'EXCHANGE_NOT_REGISTERED', details: { reason: 'not_holder' } });
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content({ dataKinds: ['enterprise', 'biometric'] }) })).body.error).toMatchObject({ code: 'EXCHANGE_PROHIBITED', details: { kinds: ['biometric'] } });
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content({ sample: { kind: 'synthetic', mediaType: 'application/json', content: '{oops' } }) })).body.error.details).toEqual({ reason: 'sample_not_json' });
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content({ pricing: { model: 'tiered', tiers: [{ upTo: 10, amountFen: '5' }, { upTo: 5, amountFen: '4' }] } }) })).body.error.details).toEqual({ reason: 'last_tier_open_only' });
    expect((await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content({ pricing: { model: 'per_call', amountFen: '-1' } }) })).status).toBe(400);
    expect((await api('POST', '/exchange/listings', seller.auditorToken, { assetId, ...content() })).status).toBe(403);
    expect((await api('GET', '/exchange/listings', seller.staffToken)).body.total).toBe(0);

    const created = await api('POST', '/exchange/listings', seller.staffToken, { assetId, ...content() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', seller: { orgId: seller.id }, broker: null, registrationNumber: expect.stringMatching(/^GDDA-/), viewerRole: 'party' });
    const id = created.body.id as string;
    const firstDigest = created.body.digest as string;

    // Who sees it: the seller, the exchange, the regulator — not another company.
    expect((await api('GET', `/exchange/listings/${id}`, other.adminToken)).status).toBe(404);
    expect((await api('GET', `/exchange/listings/${id}`, regulator.auditorToken)).body.viewerRole).toBe('regulator');
    expect((await api('GET', '/exchange/listings?box=all', other.adminToken)).status).toBe(404);

    // Not compliant, not listed: no submission without a passed assessment; the assessor must offer compliance services.
    expect((await api('POST', `/exchange/listings/${id}/submit`, seller.staffToken, {})).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'draft' } });
    expect((await api('POST', `/exchange/listings/${id}/request-assessment`, seller.staffToken, {})).body.error.details).toEqual({ reason: 'assessor_required' });
    expect((await api('POST', `/exchange/listings/${id}/request-assessment`, seller.staffToken, { assessorOrgId: other.id })).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    expect((await api('POST', `/exchange/listings/${id}/request-assessment`, seller.staffToken, { assessorOrgId: seller.id })).body.error.details).toEqual({ reason: 'assessor_is_a_party' });
    expect((await api('POST', `/exchange/listings/${id}/request-assessment`, other.staffToken, { assessorOrgId: compliance.id })).status).toBe(404);
    const asked = await api('POST', `/exchange/listings/${id}/request-assessment`, seller.staffToken, { assessorOrgId: compliance.id });
    expect(asked.body).toMatchObject({ status: 'assessing', assessorOrgId: compliance.id });
    expect((await api('PUT', `/exchange/listings/${id}`, seller.staffToken, content())).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');

    // The assessor sees it in its box; only it assesses; a failed item needs a note; a failure sends the listing back.
    expect((await api('GET', '/exchange/listings?box=assess', compliance.staffToken)).body.items.map((l: { id: string }) => l.id)).toEqual([id]);
    expect((await api('GET', `/exchange/listings/${id}`, compliance.staffToken)).body.viewerRole).toBe('assessor');
    expect((await api('POST', `/exchange/listings/${id}/assessment`, other.staffToken, { checklist: checklist(), evidence: '审阅材料' })).status).toBe(404);
    const noNote = { ...checklist(), authorizations: { passed: false, note: ' ' } };
    expect((await api('POST', `/exchange/listings/${id}/assessment`, compliance.staffToken, { checklist: noNote, evidence: '审阅材料' })).body.error.details).toEqual({ reason: 'note_required_for_failed_items', items: ['authorizations'] });
    const failed = await api('POST', `/exchange/listings/${id}/assessment`, compliance.staffToken, { checklist: checklist(['authorizations']), evidence: '审阅了数据来源说明与授权书（sha256:ab12…）' });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ status: 'draft', reason: 'assessment_failed' });
    expect(failed.body.assessments).toHaveLength(1);
    expect(failed.body.assessments[0]).toMatchObject({ passed: false, current: true, listingDigest: firstDigest, checklist: { authorizations: { passed: false }, scenario: { passed: true, note: '符合' } } });
    expect((await api('POST', `/exchange/listings/${id}/submit`, seller.staffToken, {})).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');

    // Edited in draft: a new digest, the old assessment no longer current; assessed again and passed; submitted.
    const edited = await api('PUT', `/exchange/listings/${id}`, seller.staffToken, content({ description: { zh: '按行业汇总的企业月度用电量（已取得数据来源方书面授权）。', en: 'Monthly electricity usage by industry (with the sources’ written authorization).' } }));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.digest).not.toBe(firstDigest);
    expect(edited.body.assessments[0].current).toBe(false);
    await api('POST', `/exchange/listings/${id}/request-assessment`, seller.staffToken, { assessorOrgId: compliance.id });
    const passed = await api('POST', `/exchange/listings/${id}/assessment`, compliance.staffToken, { checklist: checklist(), evidence: '补充授权书已核验' });
    expect(passed.body).toMatchObject({ status: 'assessed', reason: null });
    const submitted = await api('POST', `/exchange/listings/${id}/submit`, seller.staffToken, {});
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect((await api('GET', '/public/exchange/listings?q=用电', seller.staffToken)).body.total).toBe(0);

    // The exchange reviews: only its acting staff; a reason to send back; approval re-checks the seller's membership.
    expect((await api('GET', '/exchange/listings?box=review', exchange.auditorToken)).body.items.map((l: { id: string }) => l.id)).toContain(id);
    expect((await api('POST', `/exchange/listings/${id}/review/approve`, seller.adminToken, {})).status).toBe(403);
    expect((await api('POST', `/exchange/listings/${id}/review/approve`, exchange.auditorToken, {})).status).toBe(403);
    expect((await api('POST', `/exchange/listings/${id}/review/reject`, exchange.staffToken, {})).body.error.details).toEqual({ reason: 'reason_required' });
    const sellerMember = (await api('GET', '/exchange/members/mine', seller.adminToken)).body.items[0].id;
    await api('POST', `/exchange/members/${sellerMember}/suspend`, exchange.staffToken, { reason: '年检逾期' });
    expect((await api('POST', `/exchange/listings/${id}/review/approve`, exchange.staffToken, {})).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    await api('POST', `/exchange/members/${sellerMember}/reinstate`, exchange.staffToken, {});
    const listed = await api('POST', `/exchange/listings/${id}/review/approve`, exchange.staffToken, {});
    expect(listed.body).toMatchObject({ status: 'listed' });
    expect(listed.body.listedAt).not.toBeNull();

    // The market: search by Chinese pairs and single characters, words, filters; the public page with ODRL and the assessment.
    const market = (q: string) => h().call('GET', `/api/v1/public/exchange/listings?${q}`);
    expect((await market('q=用电')).body.items.map((l: { id: string }) => l.id)).toContain(id);
    expect((await market('q=电 月度')).body.items.map((l: { id: string }) => l.id)).toContain(id);
    expect((await market('q=electricity&category=energy&region=guangzhou&delivery=api&pricing=subscription')).body).toMatchObject({ total: 1, capped: false });
    expect((await market('category=energy&delivery=compute')).body.total).toBe(0);
    expect((await market('q=用水')).body.total).toBe(0);
    expect((await market('category=finance')).body.total).toBe(0);
    expect((await market('category=nope')).status).toBe(400);
    const page = await h().call('GET', `/api/v1/public/exchange/listings/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.odrl).toMatchObject({ '@type': 'Offer', target: `urn:liutong:asset:${assetId}` });
    expect(page.body.assessment).toMatchObject({ assessorOrgId: compliance.id, passed: true });
    expect(page.body).not.toHaveProperty('digest');

    // Sanctions and the end: suspended listings leave the market; the seller delists; nothing can go back.
    expect((await api('POST', `/exchange/listings/${id}/review/suspend`, exchange.staffToken, { reason: '收到投诉，核查中' })).body.status).toBe('suspended');
    expect((await market('q=用电')).body.total).toBe(0);
    expect((await h().call('GET', `/api/v1/public/exchange/listings/${id}`)).status).toBe(404);
    expect((await api('POST', `/exchange/listings/${id}/review/reinstate`, exchange.staffToken, {})).body.status).toBe('listed');
    expect((await api('POST', `/exchange/listings/${id}/withdraw`, seller.staffToken, {})).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await api('POST', `/exchange/listings/${id}/delist`, other.staffToken, {})).status).toBe(404);
    expect((await api('POST', `/exchange/listings/${id}/delist`, seller.staffToken, {})).body).toMatchObject({ status: 'delisted' });
    expect((await api('POST', `/exchange/listings/${id}/review/reinstate`, exchange.staffToken, {})).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await market('q=用电')).body.total).toBe(0);

    // The evidence trail: each change an event; refused attempts recorded.
    await h().lt.flush();
    const types = (await h().lt.kernel.db.selectFrom('ledger_entry' as never).select('type' as never).where('subject_id' as never, '=', id as never).execute()).map((r) => (r as { type: string }).type);
    expect(types.filter((t) => t === 'exchange.listing.assessed')).toHaveLength(2);
    expect(types).toContain('exchange.listing.created');
    expect(types).toContain('exchange.listing.updated');
    expect(types.filter((t) => t === 'exchange.listing.changed')).toHaveLength(7); // asked twice, submitted, approved, suspended, reinstated, delisted
  });

  it('a certified broker lists for its client under a sell mandate, and only so', async () => {
    exchange = await h().org(['exchange'], 'Exchange');
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    const client = await h().org(['enterprise'], 'Client');
    const stranger = await h().org(['enterprise'], 'Stranger');
    const brokerOrg = await h().org(['broker'], 'Broker');
    let n = 100;
    const assetId = await registeredApplication({ h: h(), a: client, dbA: bureau, n: () => ++n } as unknown as Ctx);
    await admitted(client, 'seller');
    await admitted(stranger, 'seller');
    expect((await api('POST', '/exchange/brokers', bureau.staffToken, { orgId: brokerOrg.id, industries: ['能源'], validFrom: day(0), validUntil: day(365) })).status).toBe(201);
    await admitted(brokerOrg, 'broker');

    // No mandate yet: refused.
    expect((await api('POST', '/exchange/listings', brokerOrg.staffToken, { assetId, sellerOrgId: client.id, ...content() })).body.error).toMatchObject({ code: 'EXCHANGE_MANDATE_INVALID', details: { reason: 'no_mandate' } });
    // A buy-side mandate does not cover selling.
    const buySide = await api('POST', '/exchange/mandates', client.adminToken, { brokerOrgId: brokerOrg.id, side: 'buy', scope: '代理采购', commissionBp: 100, validUntil: day(90) });
    expect(buySide.status).toBe(201);
    expect((await api('POST', '/exchange/listings', brokerOrg.staffToken, { assetId, sellerOrgId: client.id, ...content() })).body.error.code).toBe('EXCHANGE_MANDATE_INVALID');
    expect((await api('POST', '/exchange/mandates', client.adminToken, { brokerOrgId: brokerOrg.id, side: 'sell', scope: '代理挂牌', commissionBp: 150, validUntil: day(90) })).status).toBe(201);

    const l = await api('POST', '/exchange/listings', brokerOrg.staffToken, { assetId, sellerOrgId: client.id, ...content() });
    expect(l.status, JSON.stringify(l.body)).toBe(201);
    expect(l.body).toMatchObject({ seller: { orgId: client.id }, broker: { orgId: brokerOrg.id }, status: 'draft' });
    expect(l.body.mandateId).toMatch(/^mdt_/);
    // Both the client and the broker see it as a party; the stranger neither sees it nor lists the client's asset.
    expect((await api('GET', '/exchange/listings', client.staffToken)).body.items.map((x: { id: string }) => x.id)).toEqual([l.body.id]);
    expect((await api('GET', '/exchange/listings', brokerOrg.staffToken)).body.items.map((x: { id: string }) => x.id)).toEqual([l.body.id]);
    expect((await api('GET', `/exchange/listings/${l.body.id}`, stranger.staffToken)).status).toBe(404);
    expect((await api('POST', '/exchange/listings', stranger.staffToken, { assetId, ...content() })).body.error.details).toMatchObject({ reason: 'not_holder' });
    // The broker withdraws its draft.
    expect((await api('POST', `/exchange/listings/${l.body.id}/withdraw`, brokerOrg.staffToken, {})).body.status).toBe('withdrawn');
  });
});
