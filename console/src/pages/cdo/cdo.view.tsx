/** Shared pieces of the CDO pages: shapes of the API answers, labels of indicators, levels and statuses. */
import { Tag } from 'antd';
import type { Translate } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import type { paths } from '../../api/openapi.schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Appointment = Json<'/api/v1/cdo/orgs/{orgId}/appointments', 'get'>['items'][number];
export type RegisterEntry = Json<'/api/v1/cdo/appointments', 'get'>['items'][number];
export type LiveRanking = Json<'/api/v1/cdo/indicators', 'get'>;
export type BodyIndicators = Json<'/api/v1/cdo/orgs/{orgId}/indicators', 'get'>;
export type Indicator = BodyIndicators['indicators'][number];
export type Evaluation = Json<'/api/v1/cdo/evaluations/{evaluationId}', 'get'>;
export type EvaluationSummary = Json<'/api/v1/cdo/evaluations', 'get'>['items'][number];
export type Trend = Json<'/api/v1/cdo/orgs/{orgId}/trend', 'get'>;
export type DcmmModel = Json<'/api/v1/cdo/dcmm/model', 'get'>;
export type Assessment = Json<'/api/v1/cdo/orgs/{orgId}/dcmm-assessments/{assessmentId}', 'get'>;
export type AssessmentSummary = Json<'/api/v1/cdo/orgs/{orgId}/dcmm-assessments', 'get'>['items'][number];

export const INDICATOR_KEYS = ['cataloguing', 'mounting', 'timeliness', 'quality', 'responseTime', 'approvalRate', 'openDatasets'] as const;

export const indicatorName = (t: Translate, key: string) => t(`cdo.ind.${key}` as MessageKey);
export const levelName = (t: Translate, level: number) => t(`cdo.dcmmLevel.${Math.max(0, Math.min(5, level))}` as MessageKey);
export const statusLabel = (t: Translate, status: string) => t(`cdo.status.${status === 'current' ? 'current' : 'ended'}` as MessageKey);
export const reasonLabel = (t: Translate, reason: string | null) => (reason === 'replaced' ? t('cdo.reason.replaced') : (reason ?? '—'));

/** An indicator's value in words: a rate as a percentage, response time in hours, open datasets as a count. */
export function indicatorValue(t: Translate, i: Indicator): string {
  if (i.status !== 'ok' || i.value === null) return t(`cdo.indStatus.${i.status}` as MessageKey);
  if (i.key === 'openDatasets') return String(i.value);
  if (i.key === 'quality') return i.value.toFixed(1);
  if (i.key === 'responseTime') return t('cdo.value.hours', { hours: i.value.toFixed(1) });
  return `${(i.value * 100).toFixed(1)}%`;
}

export function IndicatorStatusTag({ t, status }: { t: Translate; status: string }) {
  const color = status === 'ok' ? 'green' : status === 'no_data' ? 'default' : 'orange';
  return <Tag color={color}>{t(`cdo.indStatus.${status}` as MessageKey)}</Tag>;
}

export const scoreText = (score: number | null | undefined) => (score === null || score === undefined ? '—' : score.toFixed(1));

/** Radar values (indicator scores 0–100; unscored as 0) in INDICATOR_KEYS order. */
export const radarValues = (indicators: Indicator[]) => INDICATOR_KEYS.map((k) => indicators.find((i) => i.key === k)?.score ?? 0);
