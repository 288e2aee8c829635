import { describe, expect, it } from 'vitest';
import { buyerCommissionFen, settlementLines, split } from './settlement.rules.js';

describe('settlement split (清算)', () => {
  it('splits fee, broker commission and public data’s share half up; the seller takes the rest; the parts sum to the whole', () => {
    expect(split(100_000n, { feeBp: 100, sellerBrokerBp: 150, publicShareBp: 1000 })).toEqual({ feeFen: 1000n, sellerBrokerFen: 1500n, publicShareFen: 10_000n, sellerFen: 87_500n });
    // 1 % of 12,345 fen is 123.45 → 123; 1.5 % is 185.175 → 185; 10 % is 1,234.5 → 1,235 (half up).
    const s = split(12_345n, { feeBp: 100, sellerBrokerBp: 150, publicShareBp: 1000 })!;
    expect(s).toEqual({ feeFen: 123n, sellerBrokerFen: 185n, publicShareFen: 1235n, sellerFen: 10_802n });
    for (const amount of [1n, 7n, 99n, 12_345n, 999_999_999n]) {
      const p = split(amount, { feeBp: 333, sellerBrokerBp: 77, publicShareBp: 1234 })!;
      expect(p.feeFen + p.sellerBrokerFen + p.publicShareFen + p.sellerFen).toBe(amount);
      expect(p.sellerFen >= 0n).toBe(true);
    }
    expect(split(100n, { feeBp: 0, sellerBrokerBp: null, publicShareBp: null })).toEqual({ feeFen: 0n, sellerBrokerFen: 0n, publicShareFen: 0n, sellerFen: 100n });
    expect(split(100n, { feeBp: 3000, sellerBrokerBp: 3000, publicShareBp: 5000 })).toBeNull();
  });

  it('the buyer’s broker is paid by the buyer on top; the lines leave out zero parts and sum to the escrow', () => {
    expect(buyerCommissionFen(100_000n, 100)).toBe(1000n);
    expect(buyerCommissionFen(100_000n, null)).toBe(0n);
    const parts = split(100_000n, { feeBp: 100, sellerBrokerBp: null, publicShareBp: 1000 })!;
    const lines = settlementLines({ sellerOrgId: 'org_s', sellerBrokerOrgId: null, buyerBrokerOrgId: 'org_b', implementingOrgId: 'org_i', split: parts, buyerCommissionFen: 1000n });
    expect(lines).toEqual([
      { to: 'seller', orgId: 'org_s', amountFen: '89000' }, { to: 'fee', orgId: null, amountFen: '1000' },
      { to: 'buyerBroker', orgId: 'org_b', amountFen: '1000' }, { to: 'publicShare', orgId: 'org_i', amountFen: '10000' },
    ]);
    expect(lines.reduce((t, l) => t + BigInt(l.amountFen), 0n)).toBe(101_000n);
  });
});
