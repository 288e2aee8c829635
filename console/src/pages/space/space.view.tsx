/** Pieces shared by the digital-space pages (数字空间, 数据主体授权): types, tags, labels and columns. */
import { Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import type { paths } from '../../api/openapi.schema';
import { hasMessage, type Translate } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { msg, text } from '../authorization/authorization.view';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Consent = Json<'/api/v1/authorization/consents/{consentId}', 'get'>;
export type ConsentUsage = Json<'/api/v1/authorization/consents/{consentId}/usage', 'get'>;
export type UsageCall = ConsentUsage['items'][number];
export type DataItem = Json<'/api/v1/authorization/data-items', 'get'>['items'][number];
export type SpaceData = Json<'/api/v1/authorization/space', 'get'>;
export type SpaceItem = SpaceData['items'][number];
export type SpaceRows = Json<'/api/v1/authorization/space/items/{itemId}/rows', 'get'>;
export type SpacePackage = Json<'/api/v1/authorization/space/package', 'post'>;
export type Row = Record<string, unknown>;

export { msg, text };

const COLOURS: Record<string, string> = {
  pending: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default', revoked: 'magenta', expired: 'default', exhausted: 'orange',
};
export function ConsentStatusTag({ t, status, testId = 'consent-status' }: { t: Translate; status: string; testId?: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {msg(t, `space.status.${status}`)}
    </Tag>
  );
}

/** A purpose code in words (the code itself when the platform configured one the console does not know). */
export const purposeLabel = (t: Translate, code: string) => (hasMessage(`space.purpose.${code}`) ? msg(t, `space.purpose.${code}`) : code);
/** The data items of an authorization, by name. */
export const itemNames = (c: { items: Array<{ name: { zh: string; en: string } }> }, locale: string) => c.items.map((i) => text(i.name, locale)).join(locale === 'zh-CN' ? '、' : ', ');
/** How the holder is identified: an enterprise's USCC, a person's masked identity number. */
export const holderId = (c: { holderUscc: string | null; holderIdMasked?: string | null }) => c.holderUscc ?? c.holderIdMasked ?? '—';
/** `2025-11 – 2026-10` */
export const periodText = (c: { periodFrom: string; periodTo: string }) => (c.periodFrom === c.periodTo ? c.periodFrom : `${c.periodFrom} – ${c.periodTo}`);

/** A cell of a rows table: values as text, nothing as a dash. */
export const cell = (v: unknown) => <span className="lt-mono">{v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)}</span>;

/** The columns of an authorization list; `side` decides which party is "the other one". */
export function consentColumns(t: Translate, locale: string, side: 'holder' | 'requester', orgNameOf: (id: string) => string): NonNullable<TableProps<Consent>['columns']> {
  return [
    {
      title: t('space.col.items'),
      key: 'items',
      render: (_: unknown, c: Consent) => (
        <Link to={`/console/space/authorizations/${c.id}`} data-testid={`consent-link-${c.id}`}>
          {itemNames(c, locale)}
        </Link>
      ),
    },
    side === 'holder'
      ? { title: t('space.col.requester'), dataIndex: 'requesterOrgId', key: 'org', render: (id: string) => orgNameOf(id) }
      : { title: t('space.col.holder'), key: 'org', render: (_: unknown, c: Consent) => (
          <span>
            {orgNameOf(c.holderOrgId)}
            <br />
            <Typography.Text type="secondary" className="lt-mono">
              {holderId(c)}
            </Typography.Text>
          </span>
        ) },
    { title: t('space.col.purpose'), key: 'purpose', render: (_: unknown, c: Consent) => purposeLabel(t, c.purpose) },
    { title: t('space.col.status'), dataIndex: 'status', key: 'status', render: (s: string, c: Consent) => <ConsentStatusTag t={t} status={s} testId={`consent-status-${c.id}`} /> },
    { title: t('space.col.period'), key: 'period', render: (_: unknown, c: Consent) => <span style={{ whiteSpace: 'nowrap' }}>{periodText(c)}</span> },
    { title: t('space.col.validUntil'), dataIndex: 'validUntil', key: 'validUntil', render: (v: string) => formatTime(v, locale, false) },
    { title: t('space.col.maxUses'), dataIndex: 'maxUses', key: 'maxUses' },
    { title: t('space.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
  ];
}
