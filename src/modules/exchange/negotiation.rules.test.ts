import { describe, expect, it } from 'vitest';
import { amountOf, beijingTime, billByUse, billsByUse, contractNumber, contractText, listedPriceFen, mayMove, MOVES, NEGOTIATION_STATES, termsProblem, yuan, type NegotiationMove, type Terms } from './negotiation.rules.js';
import type { UsagePolicy } from './listing.rules.js';

const policy: UsagePolicy = { purposes: ['授信审批', '风险监测'], periodDays: 365, maxUses: 10_000, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true };
const t = (over: Partial<Terms> = {}): Terms => ({ priceFen: '50', quantity: 1000, purposes: ['授信审批'], periodDays: 180, maxUses: 1000, ...over });

describe('negotiation rules (Dataspace Protocol states)', () => {
  it('each side makes exactly the moves the protocol gives it', () => {
    const allowed = (side: 'consumer' | 'provider') => {
      const out: string[] = [];
      for (const from of [null, ...NEGOTIATION_STATES]) for (const mv of Object.keys(MOVES) as NegotiationMove[]) if (mayMove(mv, side, from)) out.push(`${from ?? '*'}-${mv}->${MOVES[mv].to}`);
      return out.sort();
    };
    expect(allowed('consumer')).toEqual([
      '*-request->REQUESTED', 'ACCEPTED-terminate->TERMINATED', 'AGREED-terminate->TERMINATED', 'AGREED-verify->VERIFIED', 'OFFERED-accept->ACCEPTED', 'OFFERED-request->REQUESTED',
      'OFFERED-terminate->TERMINATED', 'REQUESTED-terminate->TERMINATED', 'VERIFIED-terminate->TERMINATED',
    ].sort());
    expect(allowed('provider')).toEqual([
      '*-offer->OFFERED', 'ACCEPTED-agree->AGREED', 'ACCEPTED-terminate->TERMINATED', 'AGREED-terminate->TERMINATED', 'OFFERED-terminate->TERMINATED', 'REQUESTED-agree->AGREED',
      'REQUESTED-offer->OFFERED', 'REQUESTED-terminate->TERMINATED', 'VERIFIED-finalize->FINALIZED', 'VERIFIED-terminate->TERMINATED',
    ].sort());
    // Final states are final.
    for (const mv of Object.keys(MOVES) as NegotiationMove[]) for (const side of ['consumer', 'provider'] as const) {
      expect(mayMove(mv, side, 'FINALIZED')).toBe(false);
      expect(mayMove(mv, side, 'TERMINATED')).toBe(false);
    }
  });

  it('terms stay within the listing: purposes, period, uses; the quantity fits the model', () => {
    const perCall = { model: 'per_call' as const, amountFen: '50' };
    expect(termsProblem(t(), perCall, policy)).toBeNull();
    expect(termsProblem(t({ purposes: ['营销'] }), perCall, policy)).toBe('purposes_outside_the_policy');
    expect(termsProblem(t({ periodDays: 366 }), perCall, policy)).toBe('period_beyond_the_policy');
    expect(termsProblem(t({ maxUses: 10_001, quantity: 10_001 }), perCall, policy)).toBe('uses_beyond_the_policy');
    expect(termsProblem(t({ maxUses: null }), perCall, policy)).toBe('uses_beyond_the_policy');
    expect(termsProblem(t({ quantity: 999 }), perCall, policy)).toBe('calls_are_the_uses');
    expect(termsProblem(t({ quantity: 2 }), { model: 'one_off', amountFen: '1' }, policy)).toBe('one_off_quantity_is_one');
    expect(termsProblem(t({ quantity: 1 }), { model: 'quote' }, policy)).toBeNull();
    expect(termsProblem(t({ priceFen: '0' }), perCall, policy)).toBe('price');
    expect(termsProblem(t({ quantity: 0 }), perCall, policy)).toBe('quantity');
    // A subscription of four quarters with uses unbounded where the policy leaves them so.
    expect(termsProblem(t({ quantity: 4, maxUses: null }), { model: 'subscription', amountFen: '100', period: 'quarter' }, { ...policy, maxUses: null })).toBeNull();
  });

  it('amounts are price × quantity in exact fen; tiers price by the quantity', () => {
    expect(amountOf({ priceFen: '50', quantity: 1000 })).toBe(50_000n);
    expect(amountOf({ priceFen: '999999999999', quantity: 9000 })).toBe(8_999_999_999_991_000n);
    const tiered = { model: 'tiered' as const, tiers: [{ upTo: 1000, amountFen: '20' }, { upTo: 10_000, amountFen: '15' }, { upTo: null, amountFen: '10' }] };
    expect(listedPriceFen(tiered, 1000)).toBe('20');
    expect(listedPriceFen(tiered, 1001)).toBe('15');
    expect(listedPriceFen(tiered, 50_000)).toBe('10');
    expect(listedPriceFen({ model: 'quote' }, 1)).toBeNull();
    expect(yuan(90000n)).toBe('¥900.00');
    expect(yuan('123456789')).toBe('¥1,234,567.89');
    expect(yuan(5n)).toBe('¥0.05');
    expect(contractNumber(2026, 42)).toBe('GDDE-2026-000042');
  });

  it('the contract document names the parties, the target, the price, the usage and the duties', () => {
    const text = contractText({
      number: 'GDDE-2026-000001', agreedAt: '2026-12-01T03:00:00.000Z', policy, terms: t(),
      parties: { seller: { name: '卖方公司', uscc: '91440300MA5XXXXXX0' }, buyer: { name: '买方银行', uscc: null }, sellerBroker: null, buyerBroker: { name: '某经纪公司' }, exchange: '广州数据交易所' },
      listing: { id: 'lst_1', title: '企业经营风险预警接口', registrationNumber: 'GDDA-2026-000007', assetId: 'rga_1', pricing: { model: 'per_call', amountFen: '50' }, deliveryMethods: ['api'] },
    });
    for (const s of ['GDDE-2026-000001', '卖方公司（统一社会信用代码：91440300MA5XXXXXX0）', '买方银行', '买方数据经纪人：某经纪公司', 'GDDA-2026-000007', '单价每次¥0.50', '数量 1000', '合同总价 ¥500.00', '授信审批', '180 日', '不超过 1000 次', '不得转售', '不得出境', '不得对数据进行重新识别', '销毁证明', '广州数据交易所托管账户']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('卖方数据经纪人');
  });

  it('bills per-call and tiered contracts delivered by API by the calls used, never beyond the calls paid for', () => {
    expect(billsByUse({ pricing: { model: 'per_call', amountFen: '50' }, deliveryMethods: ['api'] })).toBe(true);
    expect(billsByUse({ pricing: { model: 'tiered', tiers: [{ upTo: null, amountFen: '10' }] }, deliveryMethods: ['file', 'api'] })).toBe(true);
    expect(billsByUse({ pricing: { model: 'per_call', amountFen: '50' }, deliveryMethods: ['file'] })).toBe(false);
    expect(billsByUse({ pricing: { model: 'subscription', amountFen: '50', period: 'month' }, deliveryMethods: ['api'] })).toBe(false);
    expect(billsByUse({ pricing: { model: 'quote' }, deliveryMethods: ['api'] })).toBe(false);
    expect(billByUse(t(), 0)).toEqual({ uses: 0, billedFen: 0n, unusedFen: 50_000n });
    expect(billByUse(t(), 400)).toEqual({ uses: 400, billedFen: 20_000n, unusedFen: 30_000n });
    expect(billByUse(t(), 1000)).toEqual({ uses: 1000, billedFen: 50_000n, unusedFen: 0n });
    expect(billByUse(t(), 1200)).toEqual({ uses: 1000, billedFen: 50_000n, unusedFen: 0n });
  });

  it('writes moments in documents in Beijing time', () => {
    expect(beijingTime(new Date('2026-12-01T16:30:05Z'))).toBe('2026-12-02 00:30:05（北京时间）');
    expect(beijingTime(new Date('2026-06-30T01:02:03.999Z'))).toBe('2026-06-30 09:02:03（北京时间）');
  });
});
