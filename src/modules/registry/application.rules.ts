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
