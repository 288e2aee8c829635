import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../console/src/locales/all';
import * as client from '../../console/src/pages/exchange/negotiation.rules';
import type { Pricing, UsagePolicy } from '../../console/src/pages/exchange/listing.rules';
// The test may read the server's rules and schemas directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/exchange/negotiation.rules';
// eslint-disable-next-line liutong/module-boundary
import { MoveBody, NegotiationBody, NegotiationMoveParams } from '../../src/modules/exchange/exchange.schemas';
// eslint-disable-next-line liutong/module-boundary
import type { Pricing as ServerPricing } from '../../src/modules/exchange/listing.rules';

/** The server's body schemas, checked as Fastify checks them (Ajv). */
const ajv = new Ajv({ strict: false });
const check = (schema: object, value: unknown) => ajv.validate(schema, value);

const policy: UsagePolicy = { purposes: ['授信审批', '风险监测'], periodDays: 365, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true };
const PRICINGS: Pricing[] = [
  { model: 'subscription', amountFen: '3600000', period: 'year' },
  { model: 'per_call', amountFen: '50' },
  { model: 'tiered', tiers: [{ upTo: 1000, amountFen: '10' }, { upTo: 10000, amountFen: '8' }, { upTo: null, amountFen: '5' }] },
  { model: 'one_off', amountFen: '1250' },
  { model: 'quote' },
];
const has = (key: string) => key in MESSAGES['zh-CN'] && key in MESSAGES['en-US'];

describe('console negotiation rules mirror the server (negotiation.rules.ts, exchange.schemas.ts)', () => {
  it('has the same states and moves, each named in both languages, and the parties and problems too', () => {
    expect([...client.NEGOTIATION_STATES]).toEqual([...server.NEGOTIATION_STATES]);
    expect([...client.NEGOTIATION_MOVES]).toEqual(Object.keys(server.MOVES));
    expect([...client.HISTORY_MOVES].sort()).toEqual([...(NegotiationMoveParams.properties.move as unknown as { enum: string[] }).enum].sort());
    for (const [prefix, codes] of [
      ['exchange.negotiation.state', client.NEGOTIATION_STATES], ['exchange.negotiation.move', client.HISTORY_MOVES], ['exchange.negotiation.party', client.PARTIES],
      ['exchange.negotiation.side', client.SIDES], ['exchange.terms.problem', client.TERMS_PROBLEMS],
    ] as const) {
      for (const code of codes) expect(has(`${prefix}.${code}`), `${prefix}.${code}`).toBe(true);
    }
    expect(client.FLOW.every((s) => (client.NEGOTIATION_STATES as readonly string[]).includes(s))).toBe(true);
    expect(client.NEGOTIATION_STATES.map(client.flowIndex)).toEqual([0, 0, 1, 2, 3, 4, -1]);
  });

  it('finds the listed price of a quantity as the server does, and the amount as price × quantity', () => {
    for (const p of PRICINGS) for (const q of [1, 999, 1000, 1001, 10000, 10001]) expect(client.listedPriceFen(p, q), `${p.model} ${q}`).toBe(server.listedPriceFen(p as ServerPricing, q));
    expect(client.amountFen({ priceFen: '3000000', quantity: 1 })).toBe('3000000');
    expect(client.amountFen({ priceFen: '123456789012345', quantity: 60000 })).toBe(server.amountOf({ priceFen: '123456789012345', quantity: 60000 }).toString());
    expect(client.amountFen({ priceFen: '', quantity: 1 })).toBe('');
    expect(PRICINGS.map(client.unitOf)).toEqual(['period', 'call', 'call', 'whole', 'whole']);
  });

  it('refuses the terms the server refuses, for the same reason', () => {
    const base: client.Terms = { priceFen: '3000000', quantity: 1, purposes: ['授信审批'], periodDays: 365, maxUses: null };
    const capped: UsagePolicy = { ...policy, maxUses: 1000 };
    const cases: Array<[Partial<client.Terms>, Pricing, UsagePolicy]> = [];
    for (const pricing of PRICINGS) {
      for (const over of [
        {}, { priceFen: '0' }, { priceFen: '01' }, { priceFen: '' }, { quantity: 0 }, { quantity: 2 }, { quantity: 1.5 }, { purposes: [] }, { purposes: ['营销'] }, { periodDays: 0 }, { periodDays: 366 },
        { maxUses: 500, quantity: 500 }, { maxUses: 2000, quantity: 2000 }, { maxUses: 1000, quantity: 999 }, { priceFen: '9000000000000000', quantity: 2 },
      ] as Array<Partial<client.Terms>>) {
        cases.push([over, pricing, policy], [over, pricing, capped]);
      }
    }
    for (const [over, pricing, pol] of cases) {
      const terms = { ...base, ...over };
      expect(client.termsProblem(terms, pricing, pol), `${pricing.model} ${JSON.stringify(over)} ${pol.maxUses}`).toBe(server.termsProblem(terms, pricing as ServerPricing, pol));
    }
    expect(new Set(cases.map(([over, pricing, pol]) => client.termsProblem({ ...base, ...over }, pricing, pol)))).toEqual(new Set([null, ...client.TERMS_PROBLEMS]));
  });

  it("starts the form from the listing's offer, or from the terms on the table, and turns it into terms the server accepts", () => {
    for (const pricing of PRICINGS) {
      for (const pol of [policy, { ...policy, maxUses: 5000 }]) {
        const v = client.termsValues(pricing, pol);
        const terms = client.termsFrom(v, pricing);
        if (pricing.model === 'quote') {
          expect(v.price).toBe('');
          expect(client.termsProblem(terms, pricing, pol)).toBe('price');
          continue;
        }
        expect(client.termsProblem(terms, pricing, pol), `${pricing.model} ${pol.maxUses}`).toBeNull();
        expect(server.termsProblem(terms, pricing as ServerPricing, pol)).toBeNull();
        expect(terms.priceFen).toBe(server.listedPriceFen(pricing as ServerPricing, terms.quantity));
        expect(terms.purposes).toEqual(pol.purposes);
        expect(check(NegotiationBody, { listingId: 'lst_aaaaaaaaaaaaaaaaaaaa', move: 'request', terms })).toBe(true);
        expect(check(MoveBody, { terms })).toBe(true);
        // A counter-offer starts from the terms on the table.
        expect(client.termsFrom(client.termsValues(pricing, pol, terms), pricing)).toEqual(terms);
      }
    }
    const subscription = PRICINGS[0]!;
    expect(client.termsValues(subscription, policy)).toEqual({ price: '36000.00', quantity: 1, purposes: ['授信审批', '风险监测'], periodDays: 365, maxUses: null });
    expect(client.termsFrom({ price: '30,000', quantity: 2, purposes: [' 授信审批 ', '授信审批', ''], periodDays: 180, maxUses: null }, subscription)).toEqual({ priceFen: '3000000', quantity: 2, purposes: ['授信审批'], periodDays: 180, maxUses: null });
    // Per call: the calls are the uses; one-off: a quantity of one whatever was typed.
    expect(client.termsFrom({ price: '0.4', quantity: 800, purposes: ['风险监测'], periodDays: 90, maxUses: 5 }, PRICINGS[1]!)).toMatchObject({ priceFen: '40', quantity: 800, maxUses: 800 });
    expect(client.termsFrom({ price: '12.5', quantity: 7, purposes: ['风险监测'], periodDays: 90, maxUses: 3 }, PRICINGS[3]!)).toMatchObject({ priceFen: '1250', quantity: 1, maxUses: 3 });
    expect(client.termsFrom({ price: 'abc', quantity: 1, purposes: ['风险监测'], periodDays: 90, maxUses: null }, PRICINGS[3]!).priceFen).toBe('');
    expect(client.fenToYuanInput('5')).toBe('0.05');
    expect(client.fenToYuanInput('3600000')).toBe('36000.00');
  });

  it('lets a buyer or data-merchant member ask for itself and a broker for the clients of its buy mandates in force, never the seller or its broker', () => {
    const listing = { sellerOrgId: 'org_s', brokerOrgId: 'org_sb' };
    const member = (kind: string, status = 'active') => ({ kind, status });
    const mandate = (over: Partial<client.BrokerMandate> = {}): client.BrokerMandate => ({ brokerOrgId: 'org_b', clientOrgId: 'org_c', clientName: { zh: '客户', en: 'Client' }, side: 'buy', status: 'active', inForce: true, ...over });
    expect(client.buyerChoices('org_a', [member('buyer')], [], listing)).toEqual({ self: true, clients: [] });
    expect(client.buyerChoices('org_a', [member('data_merchant')], [], listing).self).toBe(true);
    expect(client.buyerChoices('org_a', [member('seller'), member('buyer', 'applied'), member('buyer', 'suspended')], [], listing).self).toBe(false);
    expect(client.buyerChoices('org_s', [member('buyer')], [], listing).self).toBe(false);
    expect(client.buyerChoices('org_b', [member('broker')], [mandate(), mandate({ clientOrgId: 'org_d', side: 'both' })], listing)).toEqual({
      self: false, clients: [{ orgId: 'org_c', name: { zh: '客户', en: 'Client' } }, { orgId: 'org_d', name: { zh: '客户', en: 'Client' } }],
    });
    for (const over of [{ side: 'sell' }, { status: 'ended' }, { inForce: false }, { clientOrgId: 'org_s' }, { brokerOrgId: 'org_x' }]) {
      expect(client.buyerChoices('org_b', [member('broker')], [mandate(over)], listing).clients, JSON.stringify(over)).toEqual([]);
    }
    expect(client.buyerChoices('org_sb', [member('buyer')], [mandate({ brokerOrgId: 'org_sb' })], listing)).toEqual({ self: false, clients: [] });
  });
});
