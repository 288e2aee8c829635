import { Tag } from 'antd';
import type { Translate } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import type { paths } from '../../api/openapi.schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Dataset = Json<'/api/v1/public/opendata/datasets/{resourceId}', 'get'>;
export type DeveloperKey = Json<'/api/v1/opendata/keys', 'post'>;
export type Application = Json<'/api/v1/opendata/applications', 'post'>;
export type ShowcaseApp = Json<'/api/v1/opendata/apps', 'post'>;

/** A message key built from a code (status, open type, frequency). */
export const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

const COLOURS: Record<string, string> = { active: 'green', approved: 'green', submitted: 'gold', rejected: 'red', withdrawn: 'default', revoked: 'magenta', delisted: 'default' };
export function StatusTag({ t, status }: { t: Translate; status: string }) {
  return <Tag color={COLOURS[status] ?? 'default'}>{msg(t, `opendata.status.${status}`)}</Tag>;
}
export function OpenTypeTag({ t, openType }: { t: Translate; openType: string }) {
  return <Tag color={openType === 'unconditional' ? 'green' : 'blue'}>{msg(t, `opendata.openType.${openType}`)}</Tag>;
}
export const i18nText = (v: { zh: string; en: string } | null | undefined, locale: string) => (v ? (locale === 'zh-CN' ? v.zh : v.en) : '—');
