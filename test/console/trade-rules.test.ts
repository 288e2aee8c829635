import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../console/src/locales/all';
import * as client from '../../console/src/pages/exchange/trade.rules';
import { shareOf } from '../../console/src/pages/exchange/trade.view';
// The test may read the server's rules and schemas directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import { settlementLines, split } from '../../src/modules/exchange/settlement.rules';
// eslint-disable-next-line liutong/module-boundary
import { disclose, MIN_DEALS } from '../../src/modules/exchange/disclosure.rules';
// eslint-disable-next-line liutong/module-boundary
import { ACCOUNT_KINDS } from '../../src/modules/exchange/book.rules';
// eslint-disable-next-line liutong/module-boundary
import { MAX_DELIVERY_BYTES } from '../../src/modules/exchange/delivery.service';
// eslint-disable-next-line liutong/module-boundary
import { ApiDeliveryBody, AttachmentBody, DeliveryBody, DestructionBody, DisputeBody, MoneyBody, SettlementRunBody } from '../../src/modules/exchange/exchange.schemas';

const ajv = new Ajv({ strict: false });
const check = (schema: object, value: unknown) => ajv.validate(schema, value);
const has = (key: string) => key in MESSAGES['zh-CN'] && key in MESSAGES['en-US'];

describe('console trade rules mirror the server (settlement.rules.ts, book.rules.ts, delivery.service.ts, exchange.schemas.ts)', () => {
  it('names every settlement line, status, account, journal, destruction method, dispute and filing status in both languages', () => {
    for (const to of client.SETTLEMENT_LINE_KINDS) expect(has(`trade.line.${to}`), to).toBe(true);
    for (const s of client.SETTLEMENT_STATUSES) expect(has(`trade.settlementStatus.${s}`), s).toBe(true);
    for (const k of client.ACCOUNT_KINDS) expect(has(`trade.account.${k}`), k).toBe(true);
    for (const k of client.JOURNAL_KINDS) expect(has(`trade.journal.${k}`), k).toBe(true);
    for (const m of client.DESTRUCTION_METHODS) expect(has(`trade.destruction.method.${m}`), m).toBe(true);
    for (const s of client.DISPUTE_STATUSES) expect(has(`trade.disputeStatus.${s}`), s).toBe(true);
    for (const s of client.FILING_STATUSES) expect(has(`trade.filingStatus.${s}`), s).toBe(true);
    for (const s of client.ACCEPTED_BY) expect(has(`trade.acceptedBy.${s}`), s).toBe(true);
    expect([...client.ACCOUNT_KINDS].sort()).toEqual(Object.keys(ACCOUNT_KINDS).sort());
    // Every method the server's body takes, and no other.
    for (const method of client.DESTRUCTION_METHODS) expect(check(DestructionBody, { statement: 'x', method }), method).toBe(true);
    expect(check(DestructionBody, { statement: 'x', method: 'shredding' })).toBe(false);
  });

  it('names and orders every line the server splits a deal into, and the lines add up to the escrow', () => {
    const parts = split(3_000_000n, { feeBp: 100, sellerBrokerBp: 150, publicShareBp: 1000 })!;
    const lines = settlementLines({ sellerOrgId: 'org_s', sellerBrokerOrgId: 'org_b', buyerBrokerOrgId: 'org_c', implementingOrgId: 'org_i', split: parts, buyerCommissionFen: 30_000n });
    expect(lines.map((l) => l.to).sort()).toEqual([...client.SETTLEMENT_LINE_KINDS].sort());
    expect(client.orderedLines(lines).map((l) => l.to)).toEqual(['seller', 'sellerBroker', 'buyerBroker', 'publicShare', 'fee']);
    expect(client.sumFen(lines.map((l) => l.amountFen))).toBe('3030000');
    expect(client.orderedLines([{ to: 'fee' }, { to: 'penalty' }, { to: 'seller' }]).map((l) => l.to)).toEqual(['seller', 'fee', 'penalty']);
    expect(shareOf('45000', '3000000')).toBe('1.5 %');
    expect(shareOf('1', '3')).toBe('33.33 %');
    expect(shareOf('1', '0')).toBe('—');
  });

  it("reads a member's balances from its statement: available money, escrow per contract", () => {
    const b = client.balancesOf([
      { kind: 'member_available', ref: null, balanceFen: '47000000' },
      { kind: 'escrow', ref: 'neg_aaaaaaaaaaaaaaaaaaaa', balanceFen: '3000000' },
      { kind: 'escrow', ref: 'neg_bbbbbbbbbbbbbbbbbbbb', balanceFen: '0' },
    ]);
    expect(b).toEqual({ availableFen: '47000000', escrow: [{ negotiationId: 'neg_aaaaaaaaaaaaaaaaaaaa', fen: '3000000' }, { negotiationId: 'neg_bbbbbbbbbbbbbbbbbbbb', fen: '0' }], escrowFen: '3000000' });
    expect(client.balancesOf([])).toEqual({ availableFen: '0', escrow: [], escrowFen: '0' });
    // The references negotiation.service.ts gives escrow journals.
    expect(client.negotiationOfRef('escrow:neg_aaaaaaaaaaaaaaaaaaaa')).toBe('neg_aaaaaaaaaaaaaaaaaaaa');
    expect(client.negotiationOfRef('escrow-release:neg_aaaaaaaaaaaaaaaaaaaa')).toBe('neg_aaaaaaaaaaaaaaaaaaaa');
    expect(client.negotiationOfRef('settlement:stb_aaaaaaaaaaaaaaaaaaaa')).toBeNull();
    // A settlement journal's reference names its batch (settlement.service.ts: `settlement:${batchId}`).
    expect(client.batchOfRef('settlement:stb_aaaaaaaaaaaaaaaaaaaa')).toBe('stb_aaaaaaaaaaaaaaaaaaaa');
    expect(client.batchOfRef('escrow:neg_aaaaaaaaaaaaaaaaaaaa')).toBeNull();
    expect(client.negotiationOfRef('ICBC-0001')).toBeNull();
  });

  it('tells a contract in force from one ended, by its last day in Beijing', () => {
    const n = { state: 'FINALIZED', endsOn: '2027-11-30' };
    expect(client.contractInForce(n, '2027-11-30')).toBe(true);
    expect(client.contractInForce(n, '2027-12-01')).toBe(false);
    expect(client.contractEnded(n, '2027-11-30')).toBe(false);
    expect(client.contractEnded(n, '2027-12-01')).toBe(true);
    expect(client.contractInForce({ state: 'VERIFIED', endsOn: null }, '2026-12-01')).toBe(false);
    expect(client.contractEnded({ state: 'TERMINATED', endsOn: '2020-01-01' }, '2026-12-01')).toBe(false);
    // 16:30 UTC is past midnight in Beijing.
    expect(client.shanghaiToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(client.shanghaiToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });

  it('checks a file to deliver as the server does: size, name and media type', () => {
    expect(client.DELIVERY_MAX_BYTES).toBe(MAX_DELIVERY_BYTES);
    expect(client.deliveryProblem({ size: 0 })).toBe('empty');
    expect(client.deliveryProblem({ size: MAX_DELIVERY_BYTES })).toBeNull();
    expect(client.deliveryProblem({ size: MAX_DELIVERY_BYTES + 1 })).toBe('too_large');
    const body = (name: string, mediaType: string) => ({ name, mediaType, contentBase64: 'AAAA', note: '' });
    for (const [name, mediaType] of [['产线能耗指数_2025.csv', 'text/csv'], ['report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ['x', '']] as const) {
      const n = client.deliveryName(name);
      expect(n).not.toBeNull();
      expect(check(DeliveryBody, body(n!, client.deliveryMediaType(mediaType))), `${name} ${mediaType}`).toBe(true);
    }
    expect(client.deliveryMediaType('')).toBe('application/octet-stream');
    expect(client.deliveryMediaType('Text/CSV')).toBe('text/csv');
    expect(client.deliveryMediaType('application/x-foo; charset=utf-8')).toBe('application/octet-stream');
    for (const bad of ['', '  ', 'a/b.csv', 'a\\b.csv', 'x'.repeat(201)]) {
      expect(client.deliveryName(bad), bad).toBeNull();
      if (bad.trim()) expect(check(DeliveryBody, body(bad, 'text/csv')), bad).toBe(false);
    }
  });

  it('checks a business date, a refund and a bank reference as the server does', () => {
    for (const d of ['2026-12-02', '2028-02-29']) {
      expect(client.isCalendarDate(d), d).toBe(true);
      expect(check(SettlementRunBody, { businessDate: d })).toBe(true);
    }
    for (const d of ['2026-02-30', '2027-02-29', '2026-13-01', '20261202', '2026-1-2', '']) expect(client.isCalendarDate(d), d).toBe(false);
    expect(client.refundProblem('0', '3000000')).toBeNull();
    expect(client.refundProblem('3000000', '3000000')).toBeNull();
    expect(client.refundProblem('3000001', '3000000')).toBe('refund_above_amount');
    expect(client.refundProblem(null, '3000000')).toBe('amount');
    expect(client.refundProblem('012', '3000000')).toBe('amount');
    expect(check(DisputeBody, { arbitratorOrgId: 'org_aaaaaaaaaaaaaaaaaaaa', claim: 'x', claimedRefundFen: '0' })).toBe(true);
    expect(check(DisputeBody, { arbitratorOrgId: 'org_aaaaaaaaaaaaaaaaaaaa', claim: 'x', claimedRefundFen: '012' })).toBe(false);
    // The books page's reference rule is the body's pattern.
    for (const ref of ['ICBC-20261201-0001', 'a.b:c_d']) expect(check(MoneyBody, { orgId: 'org_aaaaaaaaaaaaaaaaaaaa', amountFen: '100', ref, memo: '' }), ref).toBe(true);
    for (const ref of ['', 'ICBC 0001', '银行流水']) expect(check(MoneyBody, { orgId: 'org_aaaaaaaaaaaaaaaaaaaa', amountFen: '100', ref, memo: '' }), ref).toBe(false);
  });

  it('computes the SHA-256 of bytes as the server does, and reads the uses left', async () => {
    const bytes = new TextEncoder().encode('line,date,kwh\nL1,2025-10-01,3.51\n');
    await expect(client.sha256Hex(bytes)).resolves.toBe(createHash('sha256').update(bytes).digest('hex'));
    await expect(client.sha256Hex(new ArrayBuffer(0))).resolves.toBe(createHash('sha256').update('').digest('hex'));
    expect(client.SHA256_HEX.test(await client.sha256Hex(bytes))).toBe(true);
    expect(client.usesLeftOf('unlimited')).toBe('unlimited');
    expect(client.usesLeftOf('3')).toBe(3);
    expect(client.usesLeftOf(null)).toBeNull();
    expect(client.usesLeftOf('-1')).toBeNull();
    expect(client.formatBytes(135)).toBe('135 B');
    expect(client.formatBytes(1536)).toBe('1.5 KiB');
    expect(client.formatBytes(8 * 1024 * 1024)).toBe('8.0 MiB');
  });
  it("sums the server's disclosure per key and fills its days, never adding back an amount it withheld", () => {
    const days = disclose([
      { date: '2026-11-29', key: 'manufacturing', deals: 4, amountFen: 400_000n },
      { date: '2026-11-29', key: 'finance', deals: 1, amountFen: 99_000n },
      { date: '2026-11-30', key: 'manufacturing', deals: 1, amountFen: 10_000n },
      { date: '2026-11-30', key: 'finance', deals: 1, amountFen: 20_000n },
      { date: '2026-11-30', key: 'transport', deals: 1, amountFen: 30_000n },
      { date: '2026-12-01', key: 'finance', deals: 3, amountFen: 90_000n },
    ]);
    expect(MIN_DEALS).toBe(3);
    const totals = client.totalsByKey(days);
    // 11-29: finance's single deal is merged into other and withheld; 11-30: three small cells merged into an other of 3 (shown).
    // Most deals first; on a tie the merged cells come after the named ones.
    expect(totals).toEqual([
      { key: 'manufacturing', deals: 4, shownFen: '400000', withheldDeals: 0 },
      { key: 'other', deals: 4, shownFen: '60000', withheldDeals: 1 },
      { key: 'finance', deals: 3, shownFen: '90000', withheldDeals: 0 },
    ]);
    // The withheld 99,000 appears nowhere.
    expect(JSON.stringify(totals)).not.toContain('99000');
    const series = client.dailySeries('2026-11-28', '2026-12-01', days);
    expect(series).toEqual([
      { date: '2026-11-28', deals: 0, amountFen: '0' },
      { date: '2026-11-29', deals: 5, amountFen: null },
      { date: '2026-11-30', deals: 3, amountFen: '60000' },
      { date: '2026-12-01', deals: 3, amountFen: '90000' },
    ]);
    expect(client.daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(client.daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(client.fenToYuanNumber('123456')).toBe(1234.56);
  });

  it('checks an API delivery\'s fields as deliverApi does, and names the gateway call (delivery.service.ts, exchange.schemas.ts ApiDeliveryBody)', () => {
    expect(client.apiFieldsProblem([], null)).toBe('fields_required');
    expect(client.apiFieldsProblem(['region', 'month'], null)).toBeNull();
    expect(check(ApiDeliveryBody, { fields: ['region', 'month'] })).toBe(true);
    expect(client.apiFieldsProblem(['9x'], null)).toBe('field_name');
    expect(check(ApiDeliveryBody, { fields: ['9x'] })).toBe(false);
    expect(client.apiFieldsProblem(['a', 'a'], null)).toBe('fields_repeated');
    expect(check(ApiDeliveryBody, { fields: ['a', 'a'] })).toBe(false);
    // The policy's fields: exactly those, in any order.
    expect(client.apiFieldsProblem(['month', 'region'], ['region', 'month'])).toBeNull();
    expect(client.apiFieldsProblem(['region'], ['region', 'month'])).toBe('fields_outside_the_policy');
    expect(client.apiFieldsProblem(['region', 'day'], ['region', 'month'])).toBe('fields_outside_the_policy');
    for (const p of ['fields_required', 'field_name', 'fields_repeated', 'fields_outside_the_policy']) expect(has(`trade.api.problem.${p}`), p).toBe(true);
    expect(client.apiCallPath('res_1', 'grt_1')).toBe('/api/v1/data/res_1/rows?grant=grt_1&format=json&page=1&pageSize=100');
  });

  it('names the contract an insurer attaches to from an id or a link, and checks what attach refuses first (attachment.service.ts, AttachmentBody)', () => {
    const id = 'neg_0123456789abcdefghij';
    expect(client.negotiationIdIn(id)).toBe(id);
    expect(client.negotiationIdIn(` https://liutong.example/console/exchange/negotiations/${id}/contract `)).toBe(id);
    expect(client.negotiationIdIn('neg_123')).toBeNull();
    expect(client.negotiationIdIn('合同 123')).toBeNull();
    const today = '2026-12-01';
    expect(client.attachmentProblem({ kind: 'insurance', coverageFen: null, validUntil: null }, today)).toBe('coverage_required');
    expect(client.attachmentProblem({ kind: 'insurance', coverageFen: '100', validUntil: '2026-11-30' }, today)).toBe('valid_until');
    expect(client.attachmentProblem({ kind: 'insurance', coverageFen: '100', validUntil: today }, today)).toBeNull();
    expect(client.attachmentProblem({ kind: 'custody', coverageFen: null, validUntil: null }, today)).toBeNull();
    for (const kind of client.ATTACHMENT_KINDS) for (const beneficiary of client.BENEFICIARIES) expect(check(AttachmentBody, { kind, beneficiary, reference: 'R-1', description: 'd' })).toBe(true);
    expect(check(AttachmentBody, { kind: 'warranty', beneficiary: 'buyer', reference: 'R-1', description: 'd' })).toBe(false);
    for (const k of client.ATTACHMENT_KINDS) expect(has(`trade.attachment.kind.${k}`), k).toBe(true);
    for (const p of ['coverage_required', 'valid_until']) expect(has(`trade.attachments.problem.${p}`), p).toBe(true);
  });
});
