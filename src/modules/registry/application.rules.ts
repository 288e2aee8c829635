import { createHash } from 'node:crypto';

/**
 * Data asset registration (数据资产登记) rules: application types and object kinds, the state
 * machine, what a complete application holds, the compliance committee draw and decision, and the
 * registration number.
 *
 * Sources: 广东省数据资产合规登记规则（征求意见稿, 2023-04-04: types 首次/变动/注销/撤销, objects 数据集、
 * 服务接口、指标、报告、模型算法、应用, the 数据资产登记合规委员会), 深圳市数据产权登记管理暂行办法 (2023-07-01:
 * 首次、许可、转移、变更、注销、异议; one unique registration number; refused for core data, unlawful or
 * unauthorised sources, disputed ownership), 广州数据交易所 "无场景不登记" and the three rights of
 * 数据二十条 (中发〔2022〕32号): 数据资源持有权、数据加工使用权、数据产品经营权 (rules-cn.md §3).
 */
export const APPLICATION_TYPES = ['first', 'change', 'transfer', 'licence', 'cancel', 'revoke', 'objection', 'correction'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
export const OBJECT_KINDS = ['dataset', 'api', 'indicator', 'report', 'model', 'application'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];
export const RIGHTS = ['holding', 'processing', 'operating'] as const;
export type RightKind = (typeof RIGHTS)[number];
export const SOURCE_KINDS = ['own_collection', 'authorized_operation', 'data_subject_authorization', 'purchase_contract'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const EXPERTISE = ['legal', 'industry', 'valuation', 'accounting', 'audit', 'technical', 'security'] as const;
export type Expertise = (typeof EXPERTISE)[number];

export const STATUSES = ['draft', 'submitted', 'drawing', 'in_review', 'publicity', 'registered', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

/** The state machine: which action is allowed from which state (illegal transitions: 409). */
export const TRANSITIONS: Record<string, ApplicationStatus[]> = {
  update: ['draft'],
  submit: ['draft'],
  withdraw: ['draft', 'submitted'],
  draw: ['submitted', 'drawing'],
  vote: ['in_review'],
  object: ['publicity'],
  resolve: ['publicity'],
  register: ['publicity'],
  // The registrar's own decision on a registration that needs no committee (注销/撤销/异议/更正 by default).
  decide: ['submitted'],
};
export const allowed = (status: ApplicationStatus, action: string) => (TRANSITIONS[action] ?? []).includes(status);

export interface Scenario {
  /** Who uses the data (使用主体). */
  users: string;
  /** For what (使用目的 / 场景). */
  purpose: string;
  description?: string | null;
}
export interface SourceClaim {
  kind: SourceKind;
  /** The record: a resource (own collection), an agreement, a consent, or a contract's digest. */
  ref: string;
  counterpartyOrgId?: string | null;
  description?: string | null;
}
export interface Right {
  kind: RightKind;
  holderOrgId: string;
  basis: string;
  scope: string;
  termFrom: string;
  termTo: string | null;
}

/** What is missing or wrong in a draft, as stable reason codes (the completeness check). */
export function completenessProblems(a: { scenario: Scenario | null; sources: SourceClaim[]; rights: Right[]; subject: { resourceId?: string | null; productId?: string | null } }): string[] {
  const problems: string[] = [];
  if (!a.scenario || !a.scenario.users.trim() || !a.scenario.purpose.trim()) problems.push('scenario_missing'); // 无场景不登记
  if (!a.subject.resourceId && !a.subject.productId) problems.push('subject_missing');
  if (a.sources.length === 0) problems.push('sources_missing');
  for (const kind of RIGHTS) {
    const r = a.rights.filter((x) => x.kind === kind);
    if (r.length === 0) problems.push(`right_missing:${kind}`);
    for (const x of r) {
      if (!x.basis.trim() || !x.scope.trim()) problems.push(`right_incomplete:${kind}`);
      if (x.termTo !== null && x.termTo < x.termFrom) problems.push(`right_term:${kind}`);
    }
  }
  return problems;
}

/** The configured panel composition, e.g. ['legal:1', 'security:1'] → [{ expertise, count }]. */
export function parseComposition(spec: readonly string[]): Array<{ expertise: Expertise; count: number }> {
  return spec.map((s) => {
    const [e, n] = s.split(':');
    return { expertise: e as Expertise, count: Number(n) };
  });
}

/** A number in [0, n) from the seed, the slot and the draw's position: sha256 as a big integer, modulo n. */
function pick(seed: string, expertise: string, position: number, n: number): number {
  const h = createHash('sha256').update(`${seed}:${expertise}:${position}`).digest('hex');
  return Number(BigInt(`0x${h}`) % BigInt(n));
}

/**
 * Draws the panel from the eligible reviewers (already without the recused), reproducibly: for each
 * slot of the composition in order, the candidates with that expertise not yet drawn, sorted by id,
 * and sha256("<seed>:<expertise>:<i>") modulo their number picks one. Anyone with the seed (written
 * to the ledger before the draw) and the eligible list (in the same event) gets the same panel.
 * Null when some expertise has too few candidates.
 */
export function drawPanel(seed: string, composition: Array<{ expertise: Expertise; count: number }>, eligible: Array<{ id: string; expertise: string[] }>): Array<{ reviewerId: string; expertise: Expertise }> | null {
  const chosen: Array<{ reviewerId: string; expertise: Expertise }> = [];
  let position = 0;
  for (const slot of composition) {
    for (let i = 0; i < slot.count; i++) {
      const candidates = eligible.filter((r) => r.expertise.includes(slot.expertise) && !chosen.some((c) => c.reviewerId === r.id)).map((r) => r.id).sort();
      if (candidates.length === 0) return null;
      chosen.push({ reviewerId: candidates[pick(seed, slot.expertise, position, candidates.length)]!, expertise: slot.expertise });
      position++;
    }
  }
  return chosen;
}

/**
 * The committee's decision once every panel member voted: approved when approvals reach the ratio
 * (e.g. "2/3": approvals × 3 ≥ 2 × panel size, exact) and — with the veto on — no security reviewer
 * rejected. Null while votes are missing.
 */
export function decide(
  panel: Array<{ reviewerId: string; expertise: Expertise }>,
  votes: Array<{ reviewerId: string; vote: 'approve' | 'reject' }>,
  rule: { ratio: string; securityVeto: boolean },
): { outcome: 'approved' | 'rejected'; approvals: number; rejections: number; vetoed: boolean } | null {
  if (!panel.every((p) => votes.some((v) => v.reviewerId === p.reviewerId))) return null;
  const approvals = votes.filter((v) => v.vote === 'approve').length;
  const rejections = votes.length - approvals;
  const [num, den] = rule.ratio.split('/').map((x) => BigInt(x)) as [bigint, bigint];
  const vetoed = rule.securityVeto && panel.some((p) => p.expertise === 'security' && votes.find((v) => v.reviewerId === p.reviewerId)?.vote === 'reject');
  const enough = BigInt(approvals) * den >= num * BigInt(panel.length);
  return { outcome: enough && !vetoed ? 'approved' : 'rejected', approvals, rejections, vetoed };
}

/** The registration number from the configured format: {yyyy} the year, {seq6} the year's sequence, 6 digits. */
export function registrationNumber(format: string, year: number, seq: number): string {
  return format.replace('{yyyy}', String(year)).replace('{seq6}', String(seq).padStart(6, '0'));
}

// ---- registrations after the first (变更/转移/许可/注销/撤销/异议/更正) ----

/**
 * Who files each type. 深圳市数据产权登记管理暂行办法 (2023-07-01) lists 首次、许可、转移、变更、注销、异议;
 * the Guangdong draft adds 撤销 (revocation by the registrar) and the rule of 登记 generally knows 更正
 * (correction of the record's errors) — rules-cn.md §3. The holder files changes of its own asset; the
 * registrar (the data bureau) revokes; anyone else may record an objection (异议登记) to it.
 */
export const FILERS: Record<ApplicationType, 'applicant' | 'holder' | 'registrar' | 'third_party'> = {
  first: 'applicant', change: 'holder', transfer: 'holder', licence: 'holder', cancel: 'holder', correction: 'holder', revoke: 'registrar', objection: 'third_party',
};

/** Types whose application carries the asset's whole resulting record (it becomes the asset's current record when registered). */
export const RECORD_TYPES: readonly ApplicationType[] = ['change', 'transfer', 'correction'];
/** Types that need the asset free of a running dispute (异议登记 in force). */
export const BLOCKED_BY_DISPUTE: readonly ApplicationType[] = ['change', 'transfer', 'licence', 'correction'];

/**
 * The committee path (合规会审 and 公示) or the registrar's own decision. Which types are reviewed is
 * configuration (`registry.reviewedTypes` [M]: no Guangdong text fixes it; default: first, change,
 * transfer, licence — the registrations that create or move rights). `first` is always reviewed.
 */
export const pathOf = (type: ApplicationType, reviewed: readonly string[]): 'committee' | 'registrar' => (type === 'first' || reviewed.includes(type) ? 'committee' : 'registrar');

/**
 * What registering an application does to its asset:
 * - record: its record becomes the asset's current record (change, transfer, correction);
 * - certify: a registration certificate is issued for it (first and the record types to the holder, licence to the licensee);
 * - ends: whose certificates end — the current record's (superseded) or every live one of the asset (cancelled, revoked);
 * - status: the asset's new state; dispute: an objection is recorded (异议登记) for `registry.objectionDays`.
 */
export function effectOf(type: ApplicationType): { record: boolean; certify: boolean; ends: 'none' | 'current' | 'all'; status: 'active' | 'cancelled' | 'revoked' | null; dispute: boolean } {
  switch (type) {
    case 'first': return { record: true, certify: true, ends: 'none', status: 'active', dispute: false };
    case 'change': case 'transfer': case 'correction': return { record: true, certify: true, ends: 'current', status: null, dispute: false };
    case 'licence': return { record: false, certify: true, ends: 'none', status: null, dispute: false };
    case 'cancel': return { record: false, certify: false, ends: 'all', status: 'cancelled', dispute: false };
    case 'revoke': return { record: false, certify: false, ends: 'all', status: 'revoked', dispute: false };
    case 'objection': return { record: false, certify: false, ends: 'none', status: null, dispute: true };
  }
}

export interface Licence {
  /** The licensed rights: processing and/or operating (the holding right stays with the holder). */
  rights: RightKind[];
  scope: string;
  termFrom: string;
  termTo: string | null;
  exclusive: boolean;
}

const recordOf = (r: { titleZh: string; titleEn: string; description: string; objectKind: string; resourceId: string | null; productId: string | null; scenario: Scenario | null; sources: SourceClaim[]; rights: Right[] }) =>
  JSON.stringify([r.titleZh, r.titleEn, r.description, r.objectKind, r.resourceId, r.productId, r.scenario, r.sources, r.rights]);

/**
 * What is missing or wrong in a registration after the first, beyond the record's own completeness
 * (stable reason codes): the grounds of a cancellation, revocation, objection or correction; the
 * counterparty of a transfer or licence; the licence's rights, scope and term (within the licensor's
 * right); a change or correction that changes nothing.
 */
export function subsequentProblems(
  type: ApplicationType,
  a: { grounds: string | null; counterpartyOrgId: string | null; licence: Licence | null; titleZh: string; titleEn: string; description: string; objectKind: string; resourceId: string | null; productId: string | null; scenario: Scenario | null; sources: SourceClaim[]; rights: Right[] },
  asset: { holderOrgId: string; current: Parameters<typeof recordOf>[0] },
): string[] {
  const problems: string[] = [];
  if (['cancel', 'revoke', 'objection', 'correction'].includes(type) && !a.grounds?.trim()) problems.push('grounds_missing');
  if (type === 'transfer' || type === 'licence') {
    if (!a.counterpartyOrgId) problems.push('counterparty_missing');
    else if (a.counterpartyOrgId === asset.holderOrgId) problems.push('counterparty_is_holder');
  }
  if (type === 'licence') {
    const l = a.licence;
    if (!l) problems.push('licence_missing');
    else {
      if (l.rights.length === 0 || l.rights.includes('holding')) problems.push('licence_rights');
      if (!l.scope.trim()) problems.push('licence_scope');
      if (l.termTo !== null && l.termTo < l.termFrom) problems.push('licence_term');
      for (const kind of l.rights) {
        const own = asset.current.rights.find((r) => r.kind === kind && r.holderOrgId === asset.holderOrgId);
        if (!own) problems.push(`licence_right_not_held:${kind}`);
        else if (l.termFrom < own.termFrom || (own.termTo !== null && (l.termTo === null || l.termTo > own.termTo))) problems.push(`licence_term_exceeds:${kind}`);
      }
    }
  }
  if ((type === 'change' || type === 'correction') && recordOf(a) === recordOf(asset.current)) problems.push('no_change');
  if (type === 'transfer' && a.counterpartyOrgId && !a.rights.some((r) => r.holderOrgId === a.counterpartyOrgId)) problems.push('transfer_rights');
  return problems;
}

/** A transfer's record: every right the holder holds passes to the new holder. */
export function transferredRights(rights: Right[], from: string, to: string): Right[] {
  return rights.map((r) => (r.holderOrgId === from ? { ...r, holderOrgId: to } : r));
}

/** The number of a registration after the first: the asset's number and its revision, two digits (GDDA-2026-000001-01). */
export function revisionNumber(assetNumber: string, revision: number): string {
  return `${assetNumber}-${String(revision).padStart(2, '0')}`;
}
