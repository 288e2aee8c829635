/** Pieces shared by the registration pages (数据资产登记): API shapes, tags, labels and the completeness problems in words. */
import { Alert, Space, Tag } from 'antd';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { hasMessage, type Translate } from '../../i18n/i18n.context';
import { msg, text } from '../authorization/authorization.view';
import { parseProblem } from './registry.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Application = Json<'/api/v1/registry/applications/{applicationId}', 'get'>;
export type ApplicationSummary = Json<'/api/v1/registry/applications', 'get'>['items'][number];
export type PublicEntry = Json<'/api/v1/public/registry/assets', 'get'>['items'][number];
export type Reviewer = Json<'/api/v1/registry/reviewers', 'get'>['items'][number];
export type Relationship = Json<'/api/v1/orgs/{orgId}/relationships', 'get'>['items'][number];

export { msg, text };

/** A label from a vocabulary (`registry.status.draft` …), the code itself when the console does not know it. */
export const known = (t: Translate, prefix: string, code: string | null | undefined) => {
  if (!code) return '—';
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? msg(t, key) : code;
};
export const statusLabel = (t: Translate, s: string) => known(t, 'registry.status', s);
export const objectKindLabel = (t: Translate, k: string) => known(t, 'registry.objectKind', k);
export const sourceKindLabel = (t: Translate, k: string) => known(t, 'registry.sourceKind', k);
export const rightLabel = (t: Translate, k: string) => known(t, 'registry.right', k);
export const expertiseLabel = (t: Translate, k: string) => known(t, 'registry.expertise', k);
export const recusalLabel = (t: Translate, k: string) => known(t, 'registry.recusal', k);
export const relationshipLabel = (t: Translate, k: string) => known(t, 'registry.relationship.kind', k);

const COLOURS: Record<string, string> = {
  draft: 'default', submitted: 'gold', drawing: 'blue', in_review: 'blue', publicity: 'cyan', registered: 'green', rejected: 'red', withdrawn: 'default',
};
export function RegistryStatusTag({ t, status, testId = 'registry-status' }: { t: Translate; status: string; testId?: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export const typeLabel = (t: Translate, type: string) => known(t, 'registry.type', type);
const TYPE_COLOURS: Record<string, string> = {
  first: 'blue', change: 'geekblue', correction: 'geekblue', transfer: 'purple', licence: 'cyan', cancel: 'default', revoke: 'red', objection: 'orange',
};
/** The registration's type (首次/变更/转移/许可/注销/撤销/异议/更正). */
export function RegistryTypeTag({ t, type, testId = 'registry-type' }: { t: Translate; type: string; testId?: string }) {
  return (
    <Tag color={TYPE_COLOURS[type] ?? 'default'} data-type={type} data-testid={testId}>
      {typeLabel(t, type)}
    </Tag>
  );
}

const ASSET_COLOURS: Record<string, string> = { active: 'green', cancelled: 'default', revoked: 'red' };
/** The asset's state (在册/已注销/已撤销), with 存在异议 while an objection is registered. */
export function AssetStatusTag({ t, status, disputed = false, testId = 'registry-asset-status' }: { t: Translate; status: string | null; disputed?: boolean; testId?: string }) {
  if (!status) return <span>—</span>;
  return (
    <Space size={[4, 4]} wrap>
      <Tag color={ASSET_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
        {known(t, 'registry.assetStatus', status)}
      </Tag>
      {disputed && (
        <Tag color="orange" data-testid={`${testId}-disputed`}>
          {t('registry.asset.disputed')}
        </Tag>
      )}
    </Space>
  );
}

export function ExpertiseTags({ t, expertise }: { t: Translate; expertise: readonly string[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {expertise.map((e) => (
        <Tag key={e} data-expertise={e}>
          {expertiseLabel(t, e)}
        </Tag>
      ))}
    </Space>
  );
}

/** One completeness problem in words: its reason's message with the argument (a right in words, a reference as it is); an unknown code as it is. */
export function problemText(t: Translate, code: string): string {
  const p = parseProblem(code);
  if (!p.known) return code;
  const arg = p.arg === null ? '' : ['right_missing', 'right_incomplete', 'right_term', 'right_holder_unknown', 'licence_right_not_held', 'licence_term_exceeds'].includes(p.reason) ? rightLabel(t, p.arg) : p.arg;
  return msg(t, `registry.problem.${p.reason}`, { arg });
}

/** The problems of a refused submission, as a list with stable test ids (`registry-problem` with `data-code`). */
export function ProblemList({ t, problems, title }: { t: Translate; problems: string[]; title: string }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="registry-problems"
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            <li key={p} data-testid="registry-problem" data-code={p} style={{ wordBreak: 'break-word' }}>
              {problemText(t, p)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The reviewer pool by id (the data bureau and the regulator may read it; others get an empty map). */
export function useReviewers(enabled: boolean) {
  const pool = useApiResource(`registry-reviewers-${enabled}`, async () => (enabled ? (await unwrap(api.GET('/api/v1/registry/reviewers', { params: { query: {} } }))).items : []));
  return new Map((pool.data ?? []).map((r) => [r.id, r]));
}

/** `2026-11-01 – 长期` */
export const termText = (t: Translate, r: { termFrom: string; termTo: string | null }) => `${r.termFrom} – ${r.termTo ?? t('registry.term.open')}`;
