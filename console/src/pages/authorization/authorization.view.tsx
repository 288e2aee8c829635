/** Pieces shared by the authorized-operation pages (授权运营): types, tags, labels and the note/reason dialog. */
import { useState } from 'react';
import { Form, Input, Tag, Typography } from 'antd';
import type { paths } from '../../api/openapi.schema';
import { errorMessage } from '../../api/api.errors';
import type { Translate } from '../../i18n/i18n.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import type { MessageKey } from '../../locales/index';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type AgreementDetail = Json<'/api/v1/authorization/agreements/{agreementId}', 'get'>;
export type Agreement = Json<'/api/v1/authorization/agreements', 'get'>['items'][number];
export type Product = Json<'/api/v1/authorization/products', 'get'>['items'][number];
export type SealVerification = Json<'/api/v1/authorization/agreements/{agreementId}/seals/verify', 'get'>;
export type SealCheck = SealVerification['operator'];
export type Seal = NonNullable<Agreement['seals']['operator']>;
export type DisclosureSummary = Json<'/api/v1/public/authorization/disclosures', 'get'>['items'][number];
export type Disclosure = Json<'/api/v1/public/authorization/disclosures/{disclosureId}', 'get'>;
export type Missing = Json<'/api/v1/authorization/disclosures/missing', 'get'>;

type I18nText = { zh: string; en: string };
type Fee = { amount: string; unit: string } | null;
/** The report a disclosure publishes (src/modules/authorization/disclosure.service.ts). */
export interface DisclosureReport {
  year: number;
  role: 'implementing_body' | 'operator';
  entity: { orgId: string; name: I18nText; uscc: string | null; type: string };
  agreements: Array<{
    id: string;
    counterparty: { orgId: string; name: I18nText };
    mode: string;
    domain: string | null;
    scenarios: string[];
    termFrom: string;
    termTo: string;
    status: string;
    feeCap: Fee;
    resources: Array<{ resourceId: string; title: I18nText; fields: string[] }>;
  }>;
  products?: Array<{ id: string; agreementId: string; name: I18nText; kind: string; scenario: string; fee: Fee; status: string; declaredAt: string }>;
}

/** A message key built from a code (status, mode, kind, rule). */
export const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
export const text = (v: I18nText | null | undefined, locale: string) => (v ? (locale === 'zh-CN' ? v.zh : v.en) : '—');

const COLOURS: Record<string, string> = {
  applied: 'gold', reviewed: 'blue', signed: 'cyan', active: 'green', suspended: 'orange',
  rejected: 'red', withdrawn: 'default', terminated: 'magenta', expired: 'default',
};
export function AgreementStatusTag({ t, status }: { t: Translate; status: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status} data-testid="agreement-status">
      {msg(t, `authorization.status.${status}`)}
    </Tag>
  );
}
export function ProductStatusTag({ t, status }: { t: Translate; status: string }) {
  return (
    <Tag color={status === 'declared' ? 'green' : 'default'} data-status={status}>
      {msg(t, `authorization.product.status.${status}`)}
    </Tag>
  );
}

export const modeLabel = (t: Translate, mode: string) => msg(t, `authorization.mode.${mode}`);
export const kindLabel = (t: Translate, kind: string) => msg(t, `authorization.product.kind.${kind}`);
export const roleLabel = (t: Translate, role: string) => msg(t, `authorization.role.${role}`);
export const feeText = (t: Translate, fee: Fee | undefined) => (fee ? t('authorization.fee.value', { amount: fee.amount, unit: fee.unit }) : t('authorization.fee.none'));
/** What the agreement is for: its domain (分领域) and scenarios, or the mode when it names neither. */
export const purposeOf = (t: Translate, a: { mode: string; domain: string | null; scenarios: string[] }) =>
  [a.domain, ...a.scenarios].filter(Boolean).join('；') || modeLabel(t, a.mode);
/** `2026-01-01 – 2028-12-31` */
export const termText = (a: { termFrom: string; termTo: string }) => `${a.termFrom} – ${a.termTo}`;

/** A short digest for tables (`sha256:0123abcd…`); the full one is copyable where it matters. */
export const shortDigest = (d: string | null | undefined) => (d ? (d.length > 23 ? `${d.slice(0, 23)}…` : d) : '—');

export function Digest({ value, testId }: { value: string | null | undefined; testId?: string }) {
  if (!value) return <span>—</span>;
  return (
    <Typography.Text className="lt-mono" copyable data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

/**
 * A dialog asking for a note (optional) or a reason (required) and sending it: review, reject,
 * suspend, terminate.
 */
export function TextModal(props: { title: string; label: string; required: boolean; intro?: string; onSend(text: string | null): Promise<void>; onClose(): void; testId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={props.title} busy={busy} error={error} onCancel={props.onClose} onSubmit={() => form.submit()}>
      {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
      <Form<{ text?: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await props.onSend(v.text?.trim() || null);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="text"
          label={props.label}
          rules={props.required ? [{ required: true, whitespace: true, max: 2000, message: t('authorization.reasonRequired') }] : [{ max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} data-testid={props.testId} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
