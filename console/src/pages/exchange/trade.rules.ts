/**
 * Rules of the pages after a contract is in force (交付 → 验收 → 清结算 → 售后), pure and tested in
 * test/console/trade-rules.test.ts against the server's src/modules/exchange (settlement.rules.ts,
 * book.rules.ts, delivery.service.ts and the body schemas): the vocabularies (settlement lines and
 * statuses, accounts and journals, destruction methods), Beijing's calendar day, whether a contract
 * is in force or ended, a member's balances from its statement, the checks the server makes on a
 * delivered file, a business date, a refund and a filing that the browser can make first, and the
 * SHA-256 of bytes (a downloaded file is checked against the digest its delivery recorded).
 */

/** A delivered file: at most 8 MiB (delivery.service.ts MAX_DELIVERY_BYTES). */
export const DELIVERY_MAX_BYTES = 8 * 1024 * 1024;
/** Who a settlement line credits (settlement.rules.ts SettlementLine.to), in the order the page shows them. */
export const SETTLEMENT_LINE_KINDS = ['seller', 'sellerBroker', 'buyerBroker', 'publicShare', 'fee'] as const;
/** A settlement item's status (settlement.repository.ts ItemRow.status): due, held by a dispute, settled. */
export const SETTLEMENT_STATUSES = ['pending', 'held', 'settled'] as const;
/** The chart of accounts (book.rules.ts ACCOUNT_KINDS). */
export const ACCOUNT_KINDS = ['member_available', 'escrow', 'bank', 'fee_income', 'clearing'] as const;
/** What a journal records (book.service.ts, negotiation.service.ts, settlement.service.ts, dispute.service.ts). */
export const JOURNAL_KINDS = ['deposit', 'withdrawal', 'escrow', 'escrow_release', 'settlement', 'refund', 'penalty'] as const;
/** How the buyer destroyed the data (exchange.schemas.ts DestructionBody.method). */
export const DESTRUCTION_METHODS = ['deletion', 'overwrite', 'physical_destruction', 'crypto_erase'] as const;
export const DISPUTE_STATUSES = ['open', 'ruled'] as const;
export const FILING_STATUSES = ['filed', 'confirmed'] as const;
/** How the acceptance came (delivery.repository.ts markAccepted): the buyer, the sweep after the acceptance period, an arbitrator's ruling. */
export const ACCEPTED_BY = ['buyer', 'auto', 'ruling'] as const;

export type SettlementLineKind = (typeof SETTLEMENT_LINE_KINDS)[number];
export interface SettlementLine {
  to: string;
  orgId: string | null;
  amountFen: string;
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Beijing (Asia/Shanghai, the market's legal time): `2026-12-01`. */
export function shanghaiToday(now: Date = new Date()): string {
  return SHANGHAI_DAY.format(now);
}

/** A contract in force today: finalised and its period not over (delivery.service.ts inForce). */
export function contractInForce(n: { state: string; endsOn: string | null }, today: string): boolean {
  return n.state === 'FINALIZED' && !!n.endsOn && today <= n.endsOn;
}

/** A contract whose period is over (the buyer then attests destruction: delivery.service.ts attestDestruction). */
export function contractEnded(n: { state: string; endsOn: string | null }, today: string): boolean {
  return n.state === 'FINALIZED' && !!n.endsOn && today > n.endsOn;
}

/** The sum of fen amounts, as fen ('0' for none). */
export function sumFen(amounts: readonly string[]): string {
  return amounts.reduce((s, a) => s + BigInt(a), 0n).toString();
}

/** Settlement lines in the page's order (seller first, the exchange's fee last); unknown kinds after. */
export function orderedLines<L extends { to: string }>(lines: readonly L[]): L[] {
  const rank = (to: string) => {
    const i = (SETTLEMENT_LINE_KINDS as readonly string[]).indexOf(to);
    return i < 0 ? SETTLEMENT_LINE_KINDS.length : i;
  };
  return [...lines].sort((a, b) => rank(a.to) - rank(b.to));
}

/** A statement's accounts as the books page shows them: the available money, and escrow per contract. */
export interface Balances {
  availableFen: string;
  escrow: Array<{ negotiationId: string; fen: string }>;
  escrowFen: string;
}

export function balancesOf(accounts: ReadonlyArray<{ kind: string; ref: string | null; balanceFen: string }>): Balances {
  const available = accounts.filter((a) => a.kind === 'member_available').map((a) => a.balanceFen);
  const escrow = accounts.filter((a) => a.kind === 'escrow' && a.ref).map((a) => ({ negotiationId: a.ref!, fen: a.balanceFen }));
  return { availableFen: sumFen(available), escrow, escrowFen: sumFen(escrow.map((e) => e.fen)) };
}

/** The negotiation a journal's reference names (`escrow:neg_…`, `escrow-release:neg_…`), or null. */
export function negotiationOfRef(ref: string): string | null {
  const m = /^(?:escrow|escrow-release):(neg_[0-9a-z]{20})$/.exec(ref);
  return m ? m[1]! : null;
}

/** The settlement batch a journal's reference names (`settlement:stb_…`), or null. */
export function batchOfRef(ref: string): string | null {
  const m = /^settlement:(stb_[0-9a-z]{20})$/.exec(ref);
  return m ? m[1]! : null;
}

/** Why a file may not be delivered (delivery.service.ts deliver: not empty, at most 8 MiB), or null. */
export function deliveryProblem(file: { size: number }): 'empty' | 'too_large' | null {
  if (file.size <= 0) return 'empty';
  if (file.size > DELIVERY_MAX_BYTES) return 'too_large';
  return null;
}

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/** The media type to send for a file (DeliveryBody.mediaType's pattern), the generic one when the browser's does not fit. */
export function deliveryMediaType(browserType: string): string {
  const t = browserType.trim().toLowerCase();
  return MEDIA_TYPE.test(t) && t.length >= 3 && t.length <= 100 ? t : 'application/octet-stream';
}

/** A file name the server takes (DeliveryBody.name: 1–200 characters, no slash or backslash), or null. */
export function deliveryName(name: string): string | null {
  const n = name.trim();
  return n.length >= 1 && n.length <= 200 && !/[/\\]/.test(n) ? n : null;
}

/** A real calendar day written YYYY-MM-DD (a settlement run's business date, a filing's trade date). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A refund asked or ordered: fen, at most the deal's amount (dispute.service.ts refund_above_amount). */
export function refundProblem(refundFen: string | null, amountFen: string): 'amount' | 'refund_above_amount' | null {
  if (refundFen === null || !/^(0|[1-9][0-9]{0,17})$/.test(refundFen)) return 'amount';
  return BigInt(refundFen) > BigInt(amountFen) ? 'refund_above_amount' : null;
}

/** A SHA-256 written as the API writes it: 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The SHA-256 of bytes as lower-case hex (Web Crypto, in the browser and in Node). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes in words: `1.5 MiB`, `812 B`. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** Uses left after a download as the server tells it (x-uses-left: a number or `unlimited`). */
export function usesLeftOf(header: string | null): number | 'unlimited' | null {
  if (header === 'unlimited') return 'unlimited';
  return header !== null && /^\d+$/.test(header) ? Number(header) : null;
}

/** One day of a disclosure dimension as the API gives it (disclosure.rules.ts DisclosedDay). */
export interface DisclosedDay {
  date: string;
  deals: number;
  amountFen: string | null;
  cells: Array<{ key: string; deals: number; amountFen: string | null; merged?: number }>;
}

/** Every day from `from` to `to` (YYYY-MM-DD, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (!isCalendarDate(from) || !isCalendarDate(to)) return out;
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to && out.length < 400; d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/**
 * The daily series of a disclosure over its whole period: a day without deals has none and an
 * amount of zero (nothing to hide); a day's total amount is null where it is withheld.
 */
export function dailySeries(from: string, to: string, days: readonly DisclosedDay[]): Array<{ date: string; deals: number; amountFen: string | null }> {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return daysBetween(from, to).map((date) => {
    const d = byDate.get(date);
    return d ? { date, deals: d.deals, amountFen: d.amountFen } : { date, deals: 0, amountFen: '0' };
  });
}

/**
 * A dimension's cells summed over the period, per key (a category, a region, or `other` for the
 * small cells merged each day): the deals, the amounts shown, and the deals whose amount was
 * withheld (so an amount is a lower bound when some were). Most deals first.
 */
export function totalsByKey(days: readonly DisclosedDay[]): Array<{ key: string; deals: number; shownFen: string; withheldDeals: number }> {
  const acc = new Map<string, { deals: number; shown: bigint; withheld: number }>();
  for (const d of days) {
    for (const c of d.cells) {
      const a = acc.get(c.key) ?? { deals: 0, shown: 0n, withheld: 0 };
      a.deals += c.deals;
      if (c.amountFen === null) a.withheld += c.deals;
      else a.shown += BigInt(c.amountFen);
      acc.set(c.key, a);
    }
  }
  return [...acc].map(([key, a]) => ({ key, deals: a.deals, shownFen: a.shown.toString(), withheldDeals: a.withheld }))
    .sort((x, y) => y.deals - x.deals || (x.key === 'other' ? 1 : y.key === 'other' ? -1 : x.key.localeCompare(y.key)));
}

/** Fen as a number of yuan for a chart's axis (two decimals; the tables show exact amounts). */
export const fenToYuanNumber = (fen: string): number => Number(BigInt(fen)) / 100;

/** A field name a grant may carry (exchange.schemas.ts ApiDeliveryBody.fields, PolicySchema.fields). */
export const API_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * What the server would refuse in an API delivery's fields (delivery.service.ts deliverApi): none
 * named, a name it does not accept, a repeated one, or — when the listing's policy names the fields —
 * any other set than exactly those.
 */
export function apiFieldsProblem(fields: readonly string[], policyFields: readonly string[] | null): 'fields_required' | 'field_name' | 'fields_repeated' | 'fields_outside_the_policy' | null {
  if (fields.length === 0) return 'fields_required';
  if (fields.some((f) => !API_FIELD_NAME.test(f))) return 'field_name';
  if (new Set(fields).size !== fields.length) return 'fields_repeated';
  if (policyFields && (fields.length !== policyFields.length || fields.some((f) => !policyFields.includes(f)))) return 'fields_outside_the_policy';
  return null;
}

/** The gateway call a buyer makes with its own credentials under a contract's grant (GET /api/v1/data/{resourceId}/rows). */
export function apiCallPath(resourceId: string, grantId: string): string {
  return `/api/v1/data/${encodeURIComponent(resourceId)}/rows?grant=${encodeURIComponent(grantId)}&format=json&page=1&pageSize=100`;
}

/** What a provider attaches to a contract in force (exchange.schemas.ts AttachmentBody.kind): data insurance (数据保险), custody (数据托管). */
export const ATTACHMENT_KINDS = ['insurance', 'custody'] as const;
/** Whose interest an attachment covers (AttachmentBody.beneficiary). */
export const BENEFICIARIES = ['buyer', 'seller'] as const;

const NEGOTIATION_ID = /neg_[0-9a-z]{20}/;

/** The negotiation a provider names: its id as it is, or the contract's link (`…/negotiations/neg_…/contract`); null for neither. */
export function negotiationIdIn(text: string): string | null {
  const m = NEGOTIATION_ID.exec(text.trim());
  return m ? m[0] : null;
}

/**
 * What attachment.service.ts attach would refuse that the browser can see first: insurance without
 * a sum insured, a validity ending before today (Beijing).
 */
export function attachmentProblem(v: { kind: string; coverageFen: string | null; validUntil: string | null }, today: string): 'coverage_required' | 'valid_until' | null {
  if (v.kind === 'insurance' && !v.coverageFen) return 'coverage_required';
  if (v.validUntil && (!isCalendarDate(v.validUntil) || v.validUntil < today)) return 'valid_until';
  return null;
}
