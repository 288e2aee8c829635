/** Pieces shared by the resource catalog pages: labels, tags, the category tree and the grade inputs. */
import { Form, Select, Tag } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { api, unwrap } from '../../api/api.client';
import type { CategoryNode } from '../../api/api.types';
import { useApiResource } from '../../api/api-resource.hook';
import type { Translate } from '../../i18n/i18n.context';
import { describeError, errorMessage } from '../../api/api.errors';
import { orgName } from '../../format/labels';
import type { MessageKey } from '../../locales/index';
import { GENERAL_LEVELS, LEVELS, PERSONAL_INFO, SENSITIVE_CATEGORIES, type Attribute, type Level } from './resource.rules';

export const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

const LEVEL_COLOURS: Record<Level, string> = { core: 'red', important: 'orange', general: 'blue' };

/** core red / important orange / general-N; "not graded" while no field is graded. */
export function LevelTag({ t, level, generalLevel }: { t: Translate; level: Level | null | undefined; generalLevel: number | null | undefined }) {
  if (!level) return <Tag>{t('catalog.grade.ungraded')}</Tag>;
  const text = level === 'general' && generalLevel ? t('catalog.grade.generalShort', { level: generalLevel }) : msg(t, `catalog.grade.level.${level}`);
  return (
    <Tag color={LEVEL_COLOURS[level]} data-level={level}>
      {text}
    </Tag>
  );
}

const STATUS_COLOURS: Record<string, string> = { draft: 'default', submitted: 'gold', published: 'green', superseded: 'default', deprecated: 'volcano' };
export function StatusTag({ t, status }: { t: Translate; status: string }) {
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-status={status}>
      {msg(t, `catalog.resource.status.${status}`)}
    </Tag>
  );
}

export function attributeLabel(t: Translate, kind: 'sharing' | 'open', a: Pick<Attribute, 'type'> | null | undefined): string {
  return a ? msg(t, `catalog.${kind}.${a.type}`) : t('catalog.attr.unset');
}

export interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** The category tree, as TreeSelect data and a name lookup. */
export function useCategories(locale: string) {
  const res = useApiResource('catalog-categories', async () => (await unwrap(api.GET('/api/v1/catalog/categories'))).items);
  const names = new Map<string, string>();
  const toOption = (n: CategoryNode): TreeOption => {
    const title = orgName(n.name, locale);
    names.set(n.id, title);
    return { value: n.id, title, children: ((n.children ?? []) as CategoryNode[]).map(toOption) };
  };
  const tree = (res.data ?? []).map(toOption);
  return { tree, name: (id: string) => names.get(id) ?? id, error: res.error };
}

/** The grade inputs of one field, at `path` in the form (level, sub-level, personal information, sensitive categories). */
export function GradeInputs({ t, path, absolute = path, testId }: { t: Translate; path: Array<string | number>; absolute?: Array<string | number>; testId: string }) {
  const at = (name: string): NamePath => [...path, name];
  const abs = (name: string): NamePath => [...absolute, name];
  return (
    <>
      <Form.Item name={at('level')} label={t('catalog.grade.levelLabel')}>
        <Select data-testid={`${testId}-level`} options={LEVELS.map((l) => ({ value: l, label: msg(t, `catalog.grade.level.${l}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) =>
          form.getFieldValue(abs('level')) === 'general' && (
            <Form.Item name={at('generalLevel')} label={t('catalog.grade.generalLevel')} rules={[{ required: true, message: t('catalog.grade.generalLevelRequired') }]}>
              <Select data-testid={`${testId}-general`} options={GENERAL_LEVELS.map((n) => ({ value: n, label: t('catalog.grade.general', { level: n }) }))} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name={at('personalInfo')} label={t('catalog.grade.personalInfo')}>
        <Select data-testid={`${testId}-pi`} options={PERSONAL_INFO.map((p) => ({ value: p, label: msg(t, `catalog.grade.pi.${p}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) =>
          form.getFieldValue(abs('personalInfo')) === 'sensitive' && (
            <Form.Item
              name={at('sensitiveCategories')}
              label={t('catalog.grade.sensitiveCategories')}
              rules={[{ required: true, type: 'array', min: 1, message: t('catalog.grade.sensitiveRequired') }]}
            >
              <Select mode="multiple" data-testid={`${testId}-sensitive`} options={SENSITIVE_CATEGORIES.map((c) => ({ value: c, label: msg(t, `catalog.grade.sensitive.${c}`) }))} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/** Organisation names for the source column (every signed-in user may list organisations). */
export function useOrgNames(locale: string) {
  const orgs = useApiResource('org-names', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items);
  return (id: string) => {
    const o = orgs.data?.find((x) => x.id === id);
    return o ? orgName(o.name, locale) : id;
  };
}

/** A refusal from the server, in the current language, with the broken grading rule spelled out when there is one. */
export function refusal(err: unknown, t: Translate): string {
  const view = describeError(err, t);
  const rule = (view.code === 'CATALOG_GRADING_CONFLICT' || view.code === 'CATALOG_ATTRIBUTE_INVALID') && ruleOf(err);
  return rule ? `${view.message} ${msg(t, `catalog.rule.${rule}`)}` : errorMessage(err, t);
}
function ruleOf(err: unknown): string | null {
  const d = (err as { body?: { details?: { rule?: unknown; reason?: unknown } } | null }).body?.details;
  const r = typeof d?.rule === 'string' ? d.rule : typeof d?.reason === 'string' ? d.reason : null;
  return r && /^[a-z_]+$/.test(r) && ['core_never_shared', 'core_never_opened', 'important_not_opened_unconditionally', 'sensitive_pi_not_opened_unconditionally', 'conditions_required', 'conditions_not_allowed', 'legal_basis_required'].includes(r) ? r : null;
}
