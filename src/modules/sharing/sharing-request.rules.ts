/**
 * The sharing request's rules, pure (no I/O): the state machine and narrowing.
 *
 * Sources (../shared/reference/rules-cn.md §2.3): the Guangdong sharing classes 无条件共享 /
 * 有条件共享 / 不予共享 under 以共享为原则、不共享为例外 (广东省公共数据管理办法, 粤府令第290号):
 * unconditional data is granted on request, conditional data after the source unit (数源部门)
 * approves within a time limit in working days, data not shared is refused with its recorded basis.
 * Core data (核心数据, GB/T 43697-2024) is never shared.
 */
import type { RequestStatus, RowFilter } from './sharing-request.repository.js';

/**
 * Working days a source unit has to answer a conditional request: config
 * `sharing.approvalWorkingDays`, default 5. Neither rules-cn.md nor the seeds give the Guangdong
 * figure; 5 working days is the time limit for answering a conditional sharing request in
 * 广东省公共数据管理办法 (粤府令第290号, 2021) as recalled here — to be checked against the text
 * (the national 政务信息资源共享管理暂行办法, 国发〔2016〕51号 Art. 13, gives 10). Marked [M]: configurable.
 */
export const DEFAULT_APPROVAL_WORKING_DAYS = 5;

export type Action = 'approve' | 'reject' | 'withdraw' | 'narrow' | 'revoke';

/**
 * The machine (DESIGN.md §4). Creation lands in pending (有条件), granted (无条件) or refused
 * (不予共享). Terminal: rejected, refused, withdrawn, revoked. An illegal transition is
 * 409 SHARING_REQUEST_STATE_CONFLICT.
 */
export const TRANSITIONS: Record<RequestStatus, Partial<Record<Action, RequestStatus>>> = {
  pending: { approve: 'granted', reject: 'rejected', withdraw: 'withdrawn' },
  granted: { narrow: 'granted', revoke: 'revoked' },
  rejected: {},
  refused: {},
  withdrawn: {},
  revoked: {},
};

export const INITIAL: Record<'unconditional' | 'conditional' | 'none', RequestStatus> = {
  unconditional: 'granted',
  conditional: 'pending',
  none: 'refused',
};

/** What a request asks for or a grant allows. */
export interface Scope {
  fields: string[];
  rowFilter: RowFilter | null;
  ratePerMinute: number | null;
  validFrom: Date;
  validTo: Date;
}

export type ScopeChanges = Partial<Scope>;

/**
 * Applies changes that may only narrow `current`: fewer fields, a row filter that allows no more
 * rows (every value list a subset; new fields may be added), a lower rate, a shorter period.
 * Returns the new scope and what got narrower, or the first widening found.
 */
export function narrow(current: Scope, changes: ScopeChanges): { scope: Scope; narrowed: string[] } | { widening: string } {
  const scope: Scope = { ...current };
  const narrowed: string[] = [];
  if (changes.fields) {
    const extra = changes.fields.find((f) => !current.fields.includes(f));
    if (extra) return { widening: `fields: ${extra}` };
    const fields = current.fields.filter((f) => changes.fields!.includes(f));
    if (fields.length < current.fields.length) narrowed.push('fields');
    scope.fields = fields;
  }
  if (changes.rowFilter !== undefined) {
    const next = changes.rowFilter;
    if (current.rowFilter) {
      if (!next) return { widening: 'rowFilter' };
      for (const [field, values] of Object.entries(current.rowFilter)) {
        const now = next[field];
        if (!now) return { widening: `rowFilter: ${field}` };
        const extra = now.find((v) => !values.includes(v));
        if (extra !== undefined) return { widening: `rowFilter: ${field}=${extra}` };
      }
    }
    if (JSON.stringify(normalise(next)) !== JSON.stringify(normalise(current.rowFilter))) narrowed.push('rowFilter');
    scope.rowFilter = next ? normalise(next) : null;
  }
  if (changes.ratePerMinute !== undefined) {
    const next = changes.ratePerMinute;
    if (current.ratePerMinute !== null && (next === null || next > current.ratePerMinute)) return { widening: 'ratePerMinute' };
    if (next !== current.ratePerMinute) narrowed.push('ratePerMinute');
    scope.ratePerMinute = next;
  }
  if (changes.validFrom) {
    if (changes.validFrom < current.validFrom) return { widening: 'validFrom' };
    if (changes.validFrom > current.validFrom) narrowed.push('validFrom');
    scope.validFrom = changes.validFrom;
  }
  if (changes.validTo) {
    if (changes.validTo > current.validTo) return { widening: 'validTo' };
    if (changes.validTo < current.validTo) narrowed.push('validTo');
    scope.validTo = changes.validTo;
  }
  return { scope, narrowed };
}

/** A row filter with sorted keys and sorted, unique values (null when empty). */
export function normalise(f: RowFilter | null | undefined): RowFilter | null {
  if (!f) return null;
  const keys = Object.keys(f).sort();
  if (!keys.length) return null;
  return Object.fromEntries(keys.map((k) => [k, [...new Set(f[k])].sort()]));
}
