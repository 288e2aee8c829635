/**
 * The rules of data asset registration (数据资产登记) the console applies, mirrored from the server
 * (src/modules/registry/application.rules.ts and application.service.ts, which decide): the
 * vocabularies, the completeness problems' reason codes read into parts, the form's values turned
 * into a draft body (incomplete rows left out, so the server's completeness check names what is
 * missing) and back, which steps a user may take on an application, and the publicity end as a
 * calendar day. Pure; test/console/registry-rules.test.ts checks it against the server's rules.
 */
import type { CurrentUser } from '../../access';

export const STATUSES = ['draft', 'submitted', 'drawing', 'in_review', 'publicity', 'registered', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];
export const OBJECT_KINDS = ['dataset', 'api', 'indicator', 'report', 'model', 'application'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];
export const SOURCE_KINDS = ['own_collection', 'authorized_operation', 'data_subject_authorization', 'purchase_contract'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const RIGHTS = ['holding', 'processing', 'operating'] as const;
export type RightKind = (typeof RIGHTS)[number];
export const EXPERTISE = ['legal', 'industry', 'valuation', 'accounting', 'audit', 'technical', 'security'] as const;
export type Expertise = (typeof EXPERTISE)[number];
/** Why a reviewer was recused (identity's RelationReason). */
export const RECUSAL_REASONS = ['same_organisation', 'parent', 'subsidiary', 'shareholder', 'counterparty'] as const;
/** The relationships the data bureau records between organisations (RelationshipBody.kind). */
export const RELATIONSHIP_KINDS = ['parent', 'shareholder', 'counterparty'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
/** The lists of applications (ListQuery.box); `assets` (the registered assets the organisation holds now) is a tab of `mine`. */
export const BOXES = ['mine', 'review', 'all'] as const;
export type Box = (typeof BOXES)[number] | 'assets';
/** The registration types (application.rules.ts APPLICATION_TYPES): the first, and those after it about a registered asset. */
export const APPLICATION_TYPES = ['first', 'change', 'transfer', 'licence', 'cancel', 'revoke', 'objection', 'correction'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
export type LaterType = Exclude<ApplicationType, 'first'>;
/** Who files each type (application.rules.ts FILERS): the holder, the registrar (the data bureau), or anyone but the holder. */
export const FILERS: Record<ApplicationType, 'applicant' | 'holder' | 'registrar' | 'third_party'> = {
  first: 'applicant', change: 'holder', transfer: 'holder', licence: 'holder', cancel: 'holder', correction: 'holder', revoke: 'registrar', objection: 'third_party',
};
/** Types that need the asset free of a running dispute (application.rules.ts BLOCKED_BY_DISPUTE). */
export const BLOCKED_BY_DISPUTE: readonly ApplicationType[] = ['change', 'transfer', 'licence', 'correction'];
/** Types edited on the form (their record): the first, a change, a correction. */
export const FORM_TYPES: readonly ApplicationType[] = ['first', 'change', 'correction'];
/** Types that carry their grounds (subsequentProblems grounds_missing). */
export const GROUNDS_TYPES: readonly ApplicationType[] = ['cancel', 'revoke', 'objection', 'correction'];
/** The licensable rights (the holding right stays with the holder). */
export const LICENCE_RIGHTS = ['processing', 'operating'] as const;
/** The asset's states (asset.status, PublicEntry.assetStatus). */
export const ASSET_STATUSES = ['active', 'cancelled', 'revoked'] as const;
/** The public register's two lists (PublicQuery.status). */
export const PUBLIC_LISTS = ['registered', 'publicity'] as const;
export type PublicList = (typeof PUBLIC_LISTS)[number];
/**
 * The reasons of the completeness and legality check (REGISTRY_INCOMPLETE details.problems), each
 * `reason` or `reason:argument` (a right kind, a resource or record reference).
 */
export const PROBLEM_REASONS = [
  'scenario_missing', 'subject_missing', 'sources_missing', 'right_missing', 'right_incomplete', 'right_term',
  'subject_product_not_yours', 'subject_resource_unknown', 'subject_resource_not_yours', 'core_data', 'source_unverified', 'right_holder_unknown',
  // Registrations after the first (subsequentProblems, laterProblems).
  'grounds_missing', 'counterparty_missing', 'counterparty_is_holder', 'counterparty_unknown', 'licence_missing', 'licence_rights', 'licence_scope', 'licence_term',
  'licence_right_not_held', 'licence_term_exceeds', 'no_change', 'transfer_rights',
] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];
/** Overseers see every application (application.service.ts OVERSEERS). */
const OVERSEERS = ['data_bureau', 'regulator'];
export const MAX_SOURCES = 50;
/** Text limits of the draft body (registry.schemas.ts). */
export const LIMITS = { title: 200, description: 4000, users: 200, purpose: 500, scenarioDescription: 2000, ref: 100, sourceDescription: 1000, basis: 1000, scope: 1000, opinion: 4000, reason: 2000 } as const;
/** A contract digest as the purchase-contract source names it. */
export const CONTRACT_DIGEST = /^sha256:[0-9a-f]{64}$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface Scenario {
  users: string;
  purpose: string;
  description?: string | null;
}
export interface SourceClaim {
  kind: SourceKind;
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
export interface Committee {
  seed: string;
  seedEventId: string | null;
  eligible: Array<{ id: string; expertise: string[] }>;
  recused: Array<{ reviewerId: string; reasons: string[] }>;
  panel: Array<{ reviewerId: string; expertise: string }>;
}
export interface Decision {
  outcome: 'approved' | 'rejected';
  approvals: number;
  rejections: number;
  vetoed: boolean;
}

const writer = (u: CurrentUser | null) => u?.memberRole === 'org_admin' || u?.memberRole === 'staff';
export const isOverseer = (u: CurrentUser | null) => !!u && u.orgRoles.some((r) => OVERSEERS.includes(r));
/** The data bureau's org_admin or staff: draw, resolve objections, register, keep the reviewer pool. */
export const isRegistrar = (u: CurrentUser | null) => !!u && writer(u) && u.orgRoles.includes('data_bureau');

/** `right_missing:operating` → { reason: 'right_missing', arg: 'operating', known: true }; unknown codes are kept whole. */
export function parseProblem(code: string): { reason: string; arg: string | null; known: boolean } {
  const i = code.indexOf(':');
  const reason = i < 0 ? code : code.slice(0, i);
  const arg = i < 0 ? null : code.slice(i + 1);
  return { reason, arg, known: (PROBLEM_REASONS as readonly string[]).includes(reason) };
}

/** The completeness problems of a refused submission (409 REGISTRY_INCOMPLETE), or null when the error is another. */
export function problemsOf(err: unknown): string[] | null {
  const body = (err as { body?: { code?: unknown; details?: unknown } | null } | null)?.body;
  if (!body || body.code !== 'REGISTRY_INCOMPLETE') return null;
  const problems = (body.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Obj => x !== null) : []);

/** The application's scenario, sources, rights, committee and decision (typed `unknown` by the API), read defensively. */
export function readContent(a: { scenario: unknown; sources: unknown[]; rights: unknown[]; committee: { seed: string; seedEventId: string | null; eligible: unknown[] | null; recused: unknown[] | null; panel: unknown[] | null } | null; decision: unknown }): {
  scenario: Scenario | null;
  sources: SourceClaim[];
  rights: Right[];
  committee: Committee | null;
  decision: Decision | null;
} {
  const s = obj(a.scenario);
  const d = obj(a.decision);
  const c = a.committee;
  return {
    scenario: s ? { users: str(s.users) ?? '', purpose: str(s.purpose) ?? '', description: str(s.description) } : null,
    sources: list(a.sources).map((x) => ({ kind: (str(x.kind) ?? 'own_collection') as SourceKind, ref: str(x.ref) ?? '', counterpartyOrgId: str(x.counterpartyOrgId), description: str(x.description) })),
    rights: list(a.rights).map((x) => ({ kind: (str(x.kind) ?? 'holding') as RightKind, holderOrgId: str(x.holderOrgId) ?? '', basis: str(x.basis) ?? '', scope: str(x.scope) ?? '', termFrom: str(x.termFrom) ?? '', termTo: str(x.termTo) })),
    committee: c
      ? {
          seed: c.seed,
          seedEventId: c.seedEventId,
          eligible: list(c.eligible).map((e) => ({ id: str(e.id) ?? '', expertise: Array.isArray(e.expertise) ? e.expertise.filter((x): x is string => typeof x === 'string') : [] })),
          recused: list(c.recused).map((r) => ({ reviewerId: str(r.reviewerId) ?? '', reasons: Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === 'string') : [] })),
          panel: list(c.panel).map((p) => ({ reviewerId: str(p.reviewerId) ?? '', expertise: str(p.expertise) ?? '' })),
        }
      : null,
    decision: d ? { outcome: d.outcome === 'approved' ? 'approved' : 'rejected', approvals: Number(d.approvals) || 0, rejections: Number(d.rejections) || 0, vetoed: d.vetoed === true } : null,
  };
}

// ---- the application form ----

export interface SourceValues {
  kind?: SourceKind;
  ref?: string;
  counterpartyOrgId?: string;
  description?: string;
}
export interface RightValues {
  kind: RightKind;
  holderOrgId?: string;
  basis?: string;
  scope?: string;
  termFrom?: string;
  termTo?: string;
}
export interface DraftValues {
  subjectKind: 'resource' | 'product';
  resourceId?: string;
  productId?: string;
  objectKind?: ObjectKind;
  titleZh?: string;
  titleEn?: string;
  description?: string;
  scenarioUsers?: string;
  scenarioPurpose?: string;
  scenarioDescription?: string;
  sources: SourceValues[];
  rights: RightValues[];
}

const trimmed = (v: string | undefined | null) => (v ?? '').trim();

/** A source row the server accepts (kind and reference; a counterparty only for a purchase contract); others are left out. */
export function sourceOf(s: SourceValues): SourceClaim | null {
  const ref = trimmed(s.ref);
  if (!s.kind || !ref) return null;
  return {
    kind: s.kind,
    ref,
    ...(s.kind === 'purchase_contract' && s.counterpartyOrgId ? { counterpartyOrgId: s.counterpartyOrgId } : {}),
    ...(trimmed(s.description) ? { description: trimmed(s.description) } : {}),
  };
}

/** A right row the server accepts (holder, basis, scope and a start day); others are left out. */
export function rightOf(r: RightValues): Right | null {
  const basis = trimmed(r.basis);
  const scope = trimmed(r.scope);
  const termFrom = trimmed(r.termFrom);
  if (!r.holderOrgId || !basis || !scope || !DAY.test(termFrom)) return null;
  const termTo = trimmed(r.termTo);
  return { kind: r.kind, holderOrgId: r.holderOrgId, basis, scope, termFrom, termTo: DAY.test(termTo) ? termTo : null };
}

/**
 * The draft body (POST …/applications without `type`, or PATCH) from the form. A scenario without
 * its users or purpose, a source without its reference and a right without its holder, basis,
 * scope or start are sent as missing, so that submitting names them (无场景不登记).
 */
export function draftBody(v: DraftValues) {
  const users = trimmed(v.scenarioUsers);
  const purpose = trimmed(v.scenarioPurpose);
  const description = trimmed(v.scenarioDescription);
  return {
    objectKind: v.objectKind ?? 'dataset',
    title: { zh: trimmed(v.titleZh), en: trimmed(v.titleEn) },
    description: trimmed(v.description),
    resourceId: v.subjectKind === 'resource' ? (v.resourceId ?? null) : null,
    productId: v.subjectKind === 'product' ? (v.productId ?? null) : null,
    scenario: users && purpose ? { users, purpose, ...(description ? { description } : {}) } : null,
    sources: v.sources.map(sourceOf).filter((s): s is SourceClaim => s !== null),
    rights: v.rights.map(rightOf).filter((r): r is Right => r !== null),
  };
}

/** Rows of the form that will not be sent as they stand (a half-filled source or right), by position. */
export function incompleteRows(v: Partial<DraftValues>): { sources: number[]; rights: RightKind[] } {
  const started = (x: object) => Object.entries(x).some(([k, val]) => k !== 'kind' && typeof val === 'string' && val.trim() !== '');
  return {
    sources: (v.sources ?? []).flatMap((s, i) => (s && (s.kind || started(s)) && !sourceOf(s) ? [i] : [])),
    rights: (v.rights ?? []).flatMap((r) => (r && started({ ...r, holderOrgId: undefined }) && !rightOf(r) ? [r.kind] : [])),
  };
}

/** The form's starting values: one empty source, the three rights held by the applicant from today, open-ended. */
export function emptyDraft(myOrgId: string, today: string): DraftValues {
  return {
    subjectKind: 'resource',
    objectKind: 'dataset',
    sources: [{ kind: 'own_collection' }],
    rights: RIGHTS.map((kind) => ({ kind, holderOrgId: myOrgId, termFrom: today })),
  };
}

/** The form's values from a saved draft (rights in the order holding, processing, operating; missing ones empty). */
export function draftValues(a: { objectKind: string; title: { zh: string; en: string }; description: string; resourceId: string | null; productId: string | null; scenario: unknown; sources: unknown[]; rights: unknown[] }, myOrgId: string, today: string): DraftValues {
  const c = readContent({ ...a, committee: null, decision: null });
  return {
    subjectKind: a.productId ? 'product' : 'resource',
    ...(a.resourceId ? { resourceId: a.resourceId } : {}),
    ...(a.productId ? { productId: a.productId } : {}),
    objectKind: (OBJECT_KINDS as readonly string[]).includes(a.objectKind) ? (a.objectKind as ObjectKind) : 'dataset',
    titleZh: a.title.zh,
    titleEn: a.title.en,
    description: a.description,
    scenarioUsers: c.scenario?.users ?? '',
    scenarioPurpose: c.scenario?.purpose ?? '',
    scenarioDescription: c.scenario?.description ?? '',
    sources: c.sources.length
      ? c.sources.map((s) => ({ kind: s.kind, ref: s.ref, ...(s.counterpartyOrgId ? { counterpartyOrgId: s.counterpartyOrgId } : {}), ...(s.description ? { description: s.description } : {}) }))
      : [{ kind: 'own_collection' }],
    rights: RIGHTS.map((kind) => {
      const r = c.rights.find((x) => x.kind === kind);
      return r ? { kind, holderOrgId: r.holderOrgId, basis: r.basis, scope: r.scope, termFrom: r.termFrom, termTo: r.termTo ?? '' } : { kind, holderOrgId: myOrgId, termFrom: today };
    }),
  };
}

// ---- steps ----

export interface Actions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  draw: boolean;
  vote: boolean;
  object: boolean;
  resolve: boolean;
  /** Register now: publicity over, no objection open. */
  register: boolean;
  /** Registering waits (publicity runs, or an objection is open): shown disabled to the registrar. */
  registerWaiting: boolean;
  /** The data bureau approves or rejects a registration decided without the committee (path registrar). */
  decide: boolean;
}

/**
 * Which steps the console offers on an application (the server still decides): the applicant's
 * org_admin or staff edit and submit a draft and withdraw a draft or a submitted one; the data
 * bureau's org_admin or staff draw the panel of a submitted one, resolve open objections during
 * publicity and register once publicity is over with none open; a panel member votes once while in
 * review; anyone signed in but the applicant objects during publicity.
 */
export function applicationActions(
  u: CurrentUser | null,
  a: { applicantOrgId: string; status: string; publicityUntil: string | null; objections?: Array<{ status: string }> | undefined; type?: string; path?: string },
  ctx: { onPanel: boolean; voted: boolean; now: Date },
): Actions {
  const applicant = !!u && writer(u) && u.orgId === a.applicantOrgId;
  const registrar = isRegistrar(u);
  const open = (a.objections ?? []).some((o) => o.status === 'open');
  const over = publicityOver(a.publicityUntil, ctx.now);
  const publicity = a.status === 'publicity';
  const byRegistrar = a.path === 'registrar';
  return {
    edit: applicant && a.status === 'draft' && FORM_TYPES.includes((a.type ?? 'first') as ApplicationType),
    submit: applicant && a.status === 'draft',
    withdraw: applicant && (a.status === 'draft' || a.status === 'submitted'),
    draw: registrar && !byRegistrar && (a.status === 'submitted' || a.status === 'drawing'),
    decide: registrar && byRegistrar && a.status === 'submitted',
    vote: !!u && ctx.onPanel && !ctx.voted && a.status === 'in_review',
    object: !!u && u.orgId !== a.applicantOrgId && publicity,
    resolve: registrar && publicity && open,
    register: registrar && publicity && over && !open,
    registerWaiting: registrar && publicity && (!over || open),
  };
}

/** Whether publicity has ended (its end is the start of the next day in Asia/Shanghai). */
export const publicityOver = (until: string | null, now: Date) => !!until && new Date(until).getTime() <= now.getTime();

/** The last day of publicity in Asia/Shanghai (the end instant is the next day's midnight): `2026-11-16`. */
export function publicityLastDay(until: string | null): string | null {
  if (!until) return null;
  const t = new Date(until).getTime();
  if (Number.isNaN(t)) return null;
  return new Date(t - 1 + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The boxes a user may open: their own organisation's and their review cases; overseers all. */
export function boxesFor(u: CurrentUser | null): Box[] {
  if (!u) return [];
  return BOXES.filter((b) => (b === 'all' ? isOverseer(u) : true));
}


// ---- registrations after the first ----

/**
 * The registrations the caller may file on an asset (mirrors FILERS; the server still decides): only on
 * a registered first registration whose asset is in force; the holder's org_admin or staff change,
 * correct, transfer, license or cancel it (no change, transfer, licence or correction while an
 * objection is registered); the data bureau revokes it; any other organisation's org_admin or staff
 * register an objection.
 */
export function assetActions(
  u: CurrentUser | null,
  a: { type: string; status: string; asset: { status: string; holderOrgId: string | null; disputeUntil: string | null } | null },
  now: Date,
): LaterType[] {
  if (!u || !writer(u) || a.type !== 'first' || a.status !== 'registered' || a.asset?.status !== 'active') return [];
  const holder = u.orgId === a.asset.holderOrgId;
  const disputed = !!a.asset.disputeUntil && new Date(a.asset.disputeUntil).getTime() > now.getTime();
  return APPLICATION_TYPES.filter((type): type is LaterType => {
    if (type === 'first' || (disputed && BLOCKED_BY_DISPUTE.includes(type))) return false;
    const filer = FILERS[type];
    if (filer === 'holder') return holder;
    if (filer === 'registrar') return isRegistrar(u);
    return !holder;
  });
}

export interface LaterValues {
  counterpartyOrgId?: string;
  grounds?: string;
  licenceRights?: string[];
  licenceScope?: string;
  termFrom?: string;
  termTo?: string;
  exclusive?: boolean;
}

/**
 * The body of a registration after the first filed from a dialog (transfer, licence, cancel, revoke,
 * objection): what the type carries; the rest of the record starts from the asset's current one.
 * Without `assetId` it is the PATCH of the draft (when submitting it was refused and is tried again).
 */
export function laterBody(type: LaterType, v: LaterValues, assetId?: string) {
  const head = assetId ? { type, assetId } : {};
  if (type === 'transfer') return { ...head, counterpartyOrgId: v.counterpartyOrgId || null };
  if (type === 'licence') {
    const termTo = trimmed(v.termTo);
    return {
      ...head,
      counterpartyOrgId: v.counterpartyOrgId || null,
      licence: {
        rights: (v.licenceRights ?? []).filter((r): r is (typeof LICENCE_RIGHTS)[number] => (LICENCE_RIGHTS as readonly string[]).includes(r)),
        scope: trimmed(v.licenceScope),
        termFrom: trimmed(v.termFrom),
        termTo: DAY.test(termTo) ? termTo : null,
        exclusive: v.exclusive === true,
      },
    };
  }
  return { ...head, grounds: trimmed(v.grounds) || null };
}

/** Whether a registration is about an asset (a type after the first). */
export const isLater = (type: string) => type !== 'first';
