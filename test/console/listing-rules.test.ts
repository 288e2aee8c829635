import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../console/src/locales/all';
import * as client from '../../console/src/pages/exchange/listing.rules';
// The test may read the server's rules and schemas directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/exchange/listing.rules';
// eslint-disable-next-line liutong/module-boundary
import { AssessmentBody, ListingBody, ListingContentBody } from '../../src/modules/exchange/exchange.schemas';

/** The server's body schemas, checked as Fastify checks them (Ajv). */
const ajv = new Ajv({ strict: false });
const check = (schema: object, value: unknown) => ajv.validate(schema, value);

const values = (over: Partial<client.ListingFormValues> = {}): client.ListingFormValues => ({
  ...client.emptyListingValues(),
  assetId: 'rga_aaaaaaaaaaaaaaaaaaaa',
  titleZh: ' 港口集装箱吞吐量预测指数 ',
  titleEn: 'Port container throughput forecast index',
  descriptionZh: '珠三角主要港口未来四周的集装箱吞吐量预测。',
  descriptionEn: 'Four-week forecasts of container throughput.',
  category: 'transport',
  region: 'guangzhou',
  dataKinds: ['aggregated', 'enterprise', 'aggregated'],
  sampleContent: 'port,week,teu_index\n广州港,2026-W01,101.5\n',
  deliveryMethods: ['api', 'file'],
  pricingModel: 'one_off',
  amountYuan: '12.50',
  purposes: [' 航运排期 ', '库存计划', ''],
  ...over,
});

describe('console listing rules mirror the server (listing.rules.ts, exchange.schemas.ts)', () => {
  it('has the same vocabularies, each named in both languages', () => {
    expect([...client.LISTING_CATEGORIES]).toEqual([...server.LISTING_CATEGORIES]);
    expect([...client.LISTING_REGIONS]).toEqual([...server.LISTING_REGIONS]);
    expect(client.LISTING_REGIONS).toHaveLength(22);
    expect([...client.DATA_KINDS]).toEqual([...server.DATA_KINDS]);
    expect([...client.DELIVERY_METHODS]).toEqual([...server.DELIVERY_METHODS]);
    expect([...client.CHECKLIST_ITEMS]).toEqual([...server.CHECKLIST_ITEMS]);
    expect([...client.LISTING_STATUSES].sort()).toEqual([...new Set(Object.values(server.LISTING_TRANSITIONS).flatMap((r) => [...r.from, r.to]))].sort());
    expect(client.MAX_SAMPLE_BYTES).toBe(server.MAX_SAMPLE_BYTES);
    for (const [prefix, codes] of [
      ['exchange.category', client.LISTING_CATEGORIES], ['exchange.region', client.LISTING_REGIONS], ['exchange.dataKind', client.DATA_KINDS], ['exchange.delivery', client.DELIVERY_METHODS],
      ['exchange.pricing', client.PRICING_MODELS], ['exchange.period', client.PERIODS], ['exchange.sampleKind', client.SAMPLE_KINDS], ['exchange.listing.status', client.LISTING_STATUSES],
      ['exchange.checklist', client.CHECKLIST_ITEMS], ['exchange.listings.box', client.LISTING_BOXES],
      ['exchange.problem', ['sample_required', 'sample_too_large', 'sample_not_json', 'tiers_at_least_two', 'tiers_at_most_ten', 'last_tier_open_only', 'tiers_ascending', 'tier_up_to', 'tier_amount']],
      ['exchange.listing.action', ['edit', 'request_assessment', 'submit', 'withdraw', 'delist', 'approve', 'reject', 'suspend', 'reinstate']],
    ] as const) {
      for (const code of codes) {
        expect(`${prefix}.${code}` in MESSAGES['zh-CN'], `${prefix}.${code}`).toBe(true);
        expect(`${prefix}.${code}` in MESSAGES['en-US'], `${prefix}.${code}`).toBe(true);
      }
    }
  });

  it('converts yuan to fen exactly, and back', () => {
    expect(client.priceFen('12.50')).toBe('1250');
    expect(client.priceFen('12.5')).toBe('1250');
    expect(client.priceFen('0.01')).toBe('1');
    expect(client.priceFen('1,234,567.89')).toBe('123456789');
    expect(client.priceFen('¥ 3000000')).toBe('300000000');
    for (const bad of ['', '0', '0.00', '1.234', '-1', 'abc', '1,23.00', undefined, null]) expect(client.priceFen(bad), String(bad)).toBeNull();
    expect(client.fenToYuan('1250')).toBe('12.50');
    expect(client.fenToYuan('5')).toBe('0.05');
    expect(client.fenToYuan('300000000')).toBe('3000000.00');
    for (const fen of ['1', '99', '100', '1250', '123456789012345678']) expect(client.priceFen(client.fenToYuan(fen))).toBe(fen);
  });

  it('catches the tier problems the server refuses, in the same order', () => {
    const tiers = (...t: Array<[number | null, string]>) => t.map(([upTo, amountYuan]) => ({ upTo, amountYuan }));
    const fen = (t: client.TierValues[]) => ({ model: 'tiered' as const, tiers: t.map((x) => ({ upTo: x.upTo ?? null, amountFen: client.priceFen(x.amountYuan) ?? '1' })) });
    const cases: Array<[client.TierValues[], string | null]> = [
      [tiers([1000, '0.10'], [10000, '0.08'], [null, '0.05']), null],
      [tiers([null, '0.10']), 'tiers_at_least_two'],
      [tiers([1000, '0.10'], [500, '0.08'], [null, '0.05']), 'tiers_ascending'],
      [tiers([1000, '0.10'], [1000, '0.08'], [null, '0.05']), 'tiers_ascending'],
      [tiers([1000, '0.10'], [null, '0.08'], [null, '0.05']), 'last_tier_open_only'],
      [tiers([1000, '0.10'], [2000, '0.08']), 'last_tier_open_only'],
    ];
    for (const [t, problem] of cases) {
      expect(client.tiersProblem(t)?.problem ?? null, JSON.stringify(t)).toBe(problem);
      expect(server.pricingProblem(fen(t)), JSON.stringify(t)).toBe(problem);
    }
    expect(client.tiersProblem(tiers([1000, '0.10'], [500, '0.08'], [null, '0.05']))).toEqual({ problem: 'tiers_ascending', index: 1 });
    expect(client.tiersProblem(tiers([1000, '0.10'], [null, '']))).toEqual({ problem: 'tier_amount', index: 1 });
    expect(client.tiersProblem([{ upTo: 1.5, amountYuan: '1' }, { upTo: null, amountYuan: '1' }])).toEqual({ problem: 'tier_up_to', index: 0 });
    expect(client.tiersProblem(Array.from({ length: 11 }, (_, i) => ({ upTo: i === 10 ? null : i + 1, amountYuan: '1' })))?.problem).toBe('tiers_at_most_ten');
  });

  it('checks the sample as the server does (64 KiB of UTF-8, JSON that parses)', () => {
    expect(client.sampleProblem('text/csv', 'a,b\n1,2\n')).toBeNull();
    expect(client.sampleProblem('text/csv', '  \n')).toBe('sample_required');
    expect(client.sampleProblem('application/json', '{"a": 1')).toBe('sample_not_json');
    expect(client.sampleProblem('application/json', '[{"港口": "广州港"}]')).toBeNull();
    // 21,846 three-byte characters are 65,538 bytes: over the limit although under 64 Ki characters.
    expect(client.sampleProblem('text/csv', '港'.repeat(21_846))).toBe('sample_too_large');
    expect(client.sampleProblem('text/csv', '港'.repeat(21_845))).toBeNull();
  });

  it('turns the form into bodies the server accepts, for every pricing model, and a listing back into the form', () => {
    const body = client.contentBody(values())!;
    expect(body).toMatchObject({
      title: { zh: '港口集装箱吞吐量预测指数', en: 'Port container throughput forecast index' }, dataKinds: ['aggregated', 'enterprise'], pricing: { model: 'one_off', amountFen: '1250' },
      policy: { purposes: ['航运排期', '库存计划'], periodDays: 365, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true },
    });
    expect(check(ListingContentBody, body)).toBe(true);
    expect(check(ListingBody, { assetId: 'rga_aaaaaaaaaaaaaaaaaaaa', ...body })).toBe(true);
    const models: Array<[Partial<client.ListingFormValues>, unknown]> = [
      [{ pricingModel: 'subscription', amountYuan: '300', period: 'month' }, { model: 'subscription', amountFen: '30000', period: 'month' }],
      [{ pricingModel: 'per_call', amountYuan: '0.08' }, { model: 'per_call', amountFen: '8' }],
      [{ pricingModel: 'tiered', tiers: [{ upTo: 1000, amountYuan: '0.10' }, { upTo: 10000, amountYuan: '0.08' }, { upTo: null, amountYuan: '0.05' }] }, { model: 'tiered', tiers: [{ upTo: 1000, amountFen: '10' }, { upTo: 10000, amountFen: '8' }, { upTo: null, amountFen: '5' }] }],
      [{ pricingModel: 'quote', amountYuan: 'ignored' }, { model: 'quote' }],
    ];
    for (const [over, pricing] of models) {
      const b = client.contentBody(values({ ...over, maxUses: 5000, sampleMediaType: 'application/json', sampleContent: '[{"port":"广州港"}]' }))!;
      expect(b.pricing).toEqual(pricing);
      expect(check(ListingContentBody, b), JSON.stringify(b.pricing)).toBe(true);
      expect(server.pricingProblem(b.pricing as server.Pricing)).toBeNull();
      // Back into the form and out again: the same body.
      const again = client.contentBody(client.listingValues({ assetId: 'rga_aaaaaaaaaaaaaaaaaaaa', ...b }));
      expect(again).toEqual(b);
    }
    // The API delivery fields go into policy.fields only with 'api' delivery; they come back into the form.
    const withApi = client.contentBody(values({ deliveryMethods: ['api', 'file'], apiFields: [' region ', 'month', 'region'] }))!;
    expect(withApi.policy.fields).toEqual(['region', 'month']);
    expect(check(ListingContentBody, withApi)).toBe(true);
    expect(client.contentBody(client.listingValues({ assetId: 'rga_aaaaaaaaaaaaaaaaaaaa', ...withApi }))).toEqual(withApi);
    expect(client.contentBody(values({ deliveryMethods: ['file'], apiFields: ['region'] }))!.policy).not.toHaveProperty('fields');
    expect(client.contentBody(values({ deliveryMethods: ['api'], apiFields: [] }))!.policy).not.toHaveProperty('fields');
    expect(client.policyFieldsProblem(['region', 'month_2'])).toBeNull();
    expect(client.policyFieldsProblem(['2region'])).toBe('field_name');
    expect(check(ListingContentBody, { ...withApi, policy: { ...withApi.policy, fields: ['2region'] } })).toBe(false);
    expect(client.policyFieldsProblem(Array.from({ length: 201 }, (_, i) => `f${i}`))).toBe('too_many');
    // Incomplete prices give no body (the form's rules name the field).
    expect(client.contentBody(values({ amountYuan: '0' }))).toBeNull();
    expect(client.contentBody(values({ pricingModel: 'subscription', amountYuan: '1' }))).toBeNull();
    expect(client.contentBody(values({ pricingModel: 'tiered', tiers: [{ upTo: 5, amountYuan: '1' }, { upTo: 3, amountYuan: '1' }, { upTo: null, amountYuan: '1' }] }))).toBeNull();
  });

  it('reads the policy as the server writes its ODRL offer', () => {
    const policy = { purposes: ['授信审批', '风险监测'], periodDays: 365, maxUses: 1000, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true };
    const odrl = server.odrlOffer('lst_x', 'rga_x', 'did:web:x', policy);
    const summary = client.odrlSummary(policy);
    expect(summary.constraints.map((c) => c.operand)).toEqual(odrl.permission[0]!.constraint.map((c) => c.leftOperand));
    expect(summary.constraints.find((c) => c.operand === 'elapsedTime')?.value).toBe('P365D');
    expect(summary.prohibitions).toEqual(odrl.prohibition.map((p) => p.action));
    expect(summary.duties).toEqual(['delete']);
    const loose = { ...policy, maxUses: null, noResale: false, mainlandOnly: false, noReidentification: false, destructionRequired: false };
    const looseOdrl = server.odrlOffer('lst_x', 'rga_x', 'did:web:x', loose);
    expect(client.odrlSummary(loose)).toEqual({ constraints: [{ operand: 'purpose', value: '授信审批、风险监测' }, { operand: 'elapsedTime', value: 'P365D' }], prohibitions: [], duties: [] });
    expect(looseOdrl.permission[0]!.constraint).toHaveLength(2);
    expect(looseOdrl.prohibition).toEqual([]);
  });

  it('reads a CSV sample into rows (quotes, commas and line breaks inside quotes, CRLF), at most the rows asked for', () => {
    expect(client.parseCsv('a,b\r\n1,"x, ""y"""\n2,"line\nbreak"\n\n')).toEqual([['a', 'b'], ['1', 'x, "y"'], ['2', 'line\nbreak']]);
    expect(client.parseCsv('h\n1\n2\n3\n4', 3)).toEqual([['h'], ['1'], ['2']]);
    expect(client.parseCsv('')).toEqual([]);
    expect(client.prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(client.prettyJson('not json')).toBe('not json');
  });

  it('an assessment of the checklist the console sends passes the server schema', () => {
    const checklist = Object.fromEntries(client.CHECKLIST_ITEMS.map((k) => [k, { passed: true, note: '' }]));
    expect(check(AssessmentBody, { checklist, evidence: '核查了授权协议与分级报告。' })).toBe(true);
    expect(check(AssessmentBody, { checklist: { ...checklist, scenario: undefined }, evidence: 'x' })).toBe(false);
  });
});
