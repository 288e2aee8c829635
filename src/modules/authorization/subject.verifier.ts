import type { GatewayService } from '../gateway/index.js';
import * as repo from './data-item.repository.js';
import type { Kernel } from '../../platform/kernel.js';

/** The result of a real-name check: a match, or why not (no record, or which attribute differs). */
export type VerifyResult = { match: true } | { match: false; reason: 'not_found' | 'name_mismatch' | 'legal_rep_mismatch' | 'source_unavailable' };

/**
 * Real-name checks of data subjects (实名核验) behind one interface, so a deployment can plug in
 * its own (e.g. the national identity authentication service). The default reads the catalog's
 * authoritative resources through the gateway, on the platform's behalf (metered): a legal person
 * against the market-regulation registry (data item `authorization.registryItem`), a natural person
 * against the population base, 人口库 (data item `authorization.populationItem`).
 */
export interface SubjectVerifier {
  legalPerson(uscc: string, name: string, legalRep: string): Promise<VerifyResult>;
  naturalPerson(residentId: string, name: string): Promise<VerifyResult>;
}

const norm = (s: unknown) => String(s ?? '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

export class CatalogSubjectVerifier implements SubjectVerifier {
  constructor(
    private readonly k: Kernel,
    private readonly gateway: Pick<GatewayService, 'data'>,
    /** The organisation the checks are made for (the platform operator): the caller of record. */
    private readonly callerOrgId: () => Promise<string>,
  ) {}

  private async lookup(code: string, subject: string, fields: string[]): Promise<Record<string, unknown> | null | 'unavailable'> {
    const item = await repo.findItemByCode(this.k.db, code);
    if (!item || item.status !== 'active' || fields.some((f) => !item.fields.includes(f))) return 'unavailable';
    try {
      const out = await this.gateway.data.subjectRows(await this.callerOrgId(), item.resourceId, { field: item.subjectField, value: subject }, [item.subjectField, ...fields], null, 1, 1);
      return out.rows[0] ?? null;
    } catch {
      return 'unavailable';
    }
  }

  async legalPerson(uscc: string, name: string, legalRep: string): Promise<VerifyResult> {
    const row = await this.lookup(this.k.config.authorization.registryItem, uscc, ['name', 'legal_rep']);
    if (row === 'unavailable') return { match: false, reason: 'source_unavailable' };
    if (!row) return { match: false, reason: 'not_found' };
    if (norm(row.name) !== norm(name)) return { match: false, reason: 'name_mismatch' };
    if (norm(row.legal_rep) !== norm(legalRep)) return { match: false, reason: 'legal_rep_mismatch' };
    return { match: true };
  }

  async naturalPerson(residentId: string, name: string): Promise<VerifyResult> {
    const row = await this.lookup(this.k.config.authorization.populationItem, residentId.toUpperCase(), ['name']);
    if (row === 'unavailable') return { match: false, reason: 'source_unavailable' };
    if (!row) return { match: false, reason: 'not_found' };
    return norm(row.name) === norm(name) ? { match: true } : { match: false, reason: 'name_mismatch' };
  }
}
