import type { Executor } from '../../platform/database/database.js';

export interface EvaluationRow {
  id: string;
  period: string;
  note: string | null;
  weights: Record<string, number>;
  unavailable: string[];
  bodies: number;
  takenAt: Date;
  takenByOrgId: string;
}

export interface ResultRow {
  evaluationId: string;
  orgId: string;
  orgName: { zh: string; en: string };
  score: number | null;
  rank: number | null;
  indicators: unknown;
}

const E = 'cdo_evaluation';
const RES = 'cdo_evaluation_result';

const mapE = (r: any): EvaluationRow => ({
  id: r.id,
  period: r.period,
  note: r.note,
  weights: r.weights,
  unavailable: r.unavailable,
  bodies: Number(r.bodies),
  takenAt: new Date(r.taken_at),
  takenByOrgId: r.taken_by_org_id,
});
const mapR = (r: any): ResultRow => ({
  evaluationId: r.evaluation_id,
  orgId: r.org_id,
  orgName: { zh: r.org_name_zh, en: r.org_name_en },
  score: r.score === null ? null : Number(r.score),
  rank: r.rank === null ? null : Number(r.rank),
  indicators: r.indicators,
});

export async function periodTaken(db: Executor, period: string): Promise<boolean> {
  return !!(await db.selectFrom(E).select('id').where('period', '=', period).executeTakeFirst());
}

export async function insertEvaluation(db: Executor, e: EvaluationRow, results: ResultRow[]): Promise<void> {
  await db
    .insertInto(E)
    .values({ id: e.id, period: e.period, note: e.note, weights: JSON.stringify(e.weights), unavailable: JSON.stringify(e.unavailable), bodies: e.bodies, taken_at: e.takenAt, taken_by_org_id: e.takenByOrgId })
    .execute();
  if (results.length === 0) return;
  for (let i = 0; i < results.length; i += 500) {
    await db
      .insertInto(RES)
      .values(results.slice(i, i + 500).map((r) => ({
        evaluation_id: r.evaluationId, org_id: r.orgId, org_name_zh: r.orgName.zh, org_name_en: r.orgName.en, score: r.score, rank: r.rank, indicators: JSON.stringify(r.indicators),
      })))
      .execute();
  }
}

export async function findEvaluation(db: Executor, id: string): Promise<EvaluationRow | undefined> {
  const r = await db.selectFrom(E).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapE(r) : undefined;
}

export async function listEvaluations(db: Executor, page: number, pageSize: number): Promise<{ items: EvaluationRow[]; total: number }> {
  const total = await db.selectFrom(E).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await db.selectFrom(E).selectAll().orderBy('taken_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapE), total: Number(total?.n ?? 0) };
}

/** The ranking of one snapshot: ranked bodies first by rank, then unranked by name. */
export async function resultsOf(db: Executor, evaluationId: string): Promise<ResultRow[]> {
  const rows = await db
    .selectFrom(RES)
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy((eb) => eb.case().when('rank', 'is', null).then(1).else(0).end())
    .orderBy('rank')
    .orderBy('org_name_zh')
    .execute();
  return rows.map(mapR);
}

/** One body's results across snapshots, oldest first (its trend). */
export async function trendOf(db: Executor, orgId: string, limit: number): Promise<Array<ResultRow & { period: string; takenAt: Date; bodies: number }>> {
  const rows = await db
    .selectFrom(`${RES} as r`)
    .innerJoin(`${E} as e`, 'e.id', 'r.evaluation_id')
    .selectAll('r')
    .select(['e.period', 'e.taken_at', 'e.bodies'])
    .where('r.org_id', '=', orgId)
    .orderBy('e.taken_at', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r: any) => ({ ...mapR(r), period: r.period, takenAt: new Date(r.taken_at), bodies: Number(r.bodies) }));
}
