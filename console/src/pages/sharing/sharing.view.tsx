/** Pieces shared by the sharing pages: types, tags, the deadline cell, the request form and the decision dialogs. */
import { useState } from 'react';
import { App, Checkbox, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import type { paths } from '../../api/openapi.schema';
import { errorMessage } from '../../api/api.errors';
import type { CatalogResource } from '../../api/api.types';
import type { Translate } from '../../i18n/i18n.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { orgName } from '../../format/labels';
import { formatTime } from '../../format/time.format';
import type { MessageKey } from '../../locales/index';

export type SharingRequest = paths['/api/v1/sharing/requests/{requestId}']['get']['responses'][200]['content']['application/json'];
export type Scope = SharingRequest['requested'];
export const STATUSES = ['pending', 'granted', 'rejected', 'refused', 'withdrawn', 'revoked'] as const;
export type Status = (typeof STATUSES)[number];

export const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

const COLOURS: Record<string, string> = { pending: 'gold', granted: 'green', rejected: 'red', refused: 'volcano', withdrawn: 'default', revoked: 'magenta' };
export function SharingStatusTag({ t, status }: { t: Translate; status: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status}>
      {msg(t, `sharing.status.${status}`)}
    </Tag>
  );
}

/** The working-day deadline of a pending request, with the overdue tag. */
export function DeadlineCell({ t, r }: { t: Translate; r: SharingRequest }) {
  if (r.status !== 'pending' || !r.deadlineDate) return <span>{t('sharing.deadline.none')}</span>;
  return (
    <Space size={4} wrap data-testid={`deadline-${r.id}`}>
      <span>{r.workingDaysLeft ? t('sharing.deadline.left', { date: r.deadlineDate, days: r.workingDaysLeft }) : t('sharing.deadline.today', { date: r.deadlineDate })}</span>
      {r.overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('sharing.overdue')}
        </Tag>
      )}
    </Space>
  );
}

const day = (iso: string) => iso.slice(0, 10);
/** Start of a Shanghai civil date as a UTC instant. */
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
/** End of a Shanghai civil date (the start of the next day). */
const endOf = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
const shanghaiToday = (plusYears = 0) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() + plusYears);
  return d.toISOString().slice(0, 10);
};

export function period(s: Scope, locale: string): string {
  return `${formatTime(s.validFrom, locale, false).slice(0, 10)} – ${formatTime(new Date(new Date(s.validTo).getTime() - 1).toISOString(), locale, false).slice(0, 10)}`;
}

/** Requested or granted scope, as a small description list. */
export function ScopeView({ t, s, locale, testId }: { t: Translate; s: Scope; locale: string; testId: string }) {
  return (
    <Descriptions column={1} size="small" bordered data-testid={testId}>
      <Descriptions.Item label={t('sharing.col.fields')}>
        <span className="lt-mono" data-testid={`${testId}-fields`}>
          {s.fields.join(', ')}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.detail.rowScope')}>
        {s.rowFilter ? Object.entries(s.rowFilter).map(([f, v]) => `${f} ∈ {${v.join(', ')}}`).join('; ') : t('sharing.detail.all')}
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.detail.rate')}>{s.ratePerMinute ?? t('sharing.detail.unlimited')}</Descriptions.Item>
      <Descriptions.Item label={t('sharing.col.period')}>{period(s, locale)}</Descriptions.Item>
    </Descriptions>
  );
}

/** Everything about one request, for an expanded table row. */
export function RequestDetail({ t, r, locale }: { t: Translate; r: SharingRequest; locale: string }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`request-detail-${r.id}`}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('sharing.detail.purpose')}>{r.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.detail.legalBasis')}>{r.legalBasis}</Descriptions.Item>
        {r.reason && <Descriptions.Item label={t('sharing.detail.reason')}>{r.reason}</Descriptions.Item>}
        {r.sharing.terms && r.sharing.type === 'conditional' && <Descriptions.Item label={t('sharing.form.sharingType')}>{t('sharing.form.conditions', { text: r.sharing.terms })}</Descriptions.Item>}
      </Descriptions>
      <Space align="start" wrap>
        <div>
          <Typography.Text strong>{t('sharing.detail.requested')}</Typography.Text>
          <ScopeView t={t} s={r.requested} locale={locale} testId={`requested-${r.id}`} />
        </div>
        {r.granted && (
          <div>
            <Typography.Text strong>{t('sharing.detail.granted')}</Typography.Text>
            <ScopeView t={t} s={r.granted} locale={locale} testId={`granted-${r.id}`} />
          </div>
        )}
      </Space>
    </Space>
  );
}

interface RowScopeValues {
  rowField?: string;
  rowValues?: string[];
  ratePerMinute?: number | null;
}
const rowFilterOf = (v: RowScopeValues) => (v.rowField && v.rowValues?.length ? { [v.rowField]: v.rowValues.map((x) => x.trim()).filter(Boolean) } : undefined);

function RowScopeInputs({ t, fields, testId }: { t: Translate; fields: string[]; testId: string }) {
  return (
    <>
      <Typography.Text type="secondary">{t('sharing.form.rowScope')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 4 }}>
        <Form.Item name="rowField" label={t('sharing.form.rowScopeField')}>
          <Select allowClear style={{ minWidth: 160 }} options={fields.map((f) => ({ value: f, label: f }))} data-testid={`${testId}-row-field`} />
        </Form.Item>
        <Form.Item name="rowValues" label={t('sharing.form.rowScopeValues')}>
          <Select mode="tags" style={{ minWidth: 240 }} open={false} tokenSeparators={[',', ' ']} data-testid={`${testId}-row-values`} />
        </Form.Item>
      </Space>
      <Form.Item name="ratePerMinute" label={t('sharing.form.rate')}>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} data-testid={`${testId}-rate`} />
      </Form.Item>
    </>
  );
}

interface RequestValues extends RowScopeValues {
  fields: string[];
  purpose: string;
  legalBasis: string;
  from: string;
  to: string;
}

/** The request form opened from a resource's detail page. */
export function RequestSharingModal({ resource, onClose }: { resource: CatalogResource; onClose(done: SharingRequest | null): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = resource.fields.map((f) => f.name);
  return (
    <FormModal open title={t('sharing.form.title', { resource: orgName(resource.title, locale) })} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary" data-testid="sharing-form-class">
        {t('sharing.form.sharingType')}: {msg(t, `catalog.sharing.${resource.sharing?.type ?? 'none'}`)}
        {resource.sharing?.conditions ? ` — ${t('sharing.form.conditions', { text: resource.sharing.conditions })}` : ''}
      </Typography.Paragraph>
      <Form<RequestValues>
        form={form}
        layout="vertical"
        initialValues={{ fields: names, from: shanghaiToday(), to: shanghaiToday(1) }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const rowFilter = rowFilterOf(v);
            const r = await unwrap(
              api.POST('/api/v1/sharing/requests', {
                body: {
                  resourceId: resource.id,
                  fields: v.fields,
                  purpose: v.purpose.trim(),
                  legalBasis: v.legalBasis.trim(),
                  validFrom: startOf(v.from),
                  validTo: endOf(v.to),
                  ...(rowFilter ? { rowFilter } : {}),
                  ...(v.ratePerMinute ? { ratePerMinute: v.ratePerMinute } : {}),
                },
              }),
            );
            message.success(t('sharing.action.done.created', { status: msg(t, `sharing.status.${r.status}`) }));
            onClose(r);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="fields" label={t('sharing.form.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('sharing.form.fieldsRequired') }]}>
          <Checkbox.Group data-testid="sharing-form-fields" options={resource.fields.map((f) => ({ value: f.name, label: `${orgName(f.label, locale)} (${f.name})` }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('sharing.form.purpose')} rules={[{ required: true, whitespace: true, max: 2000, message: t('sharing.form.purposeRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="sharing-form-purpose" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('sharing.form.legalBasis')} rules={[{ required: true, whitespace: true, max: 2000, message: t('sharing.form.legalBasisRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="sharing-form-basis" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="from" label={t('sharing.form.period')} rules={[{ required: true, message: t('sharing.form.periodRequired') }]}>
            <Input type="date" data-testid="sharing-form-from" />
          </Form.Item>
          <Form.Item name="to" label=" " rules={[{ required: true, message: t('sharing.form.periodRequired') }]}>
            <Input type="date" data-testid="sharing-form-to" />
          </Form.Item>
        </Space>
        <RowScopeInputs t={t} fields={names} testId="sharing-form" />
      </Form>
    </FormModal>
  );
}

interface ApproveValues extends RowScopeValues {
  fields: string[];
  to: string;
}

/** The source unit's approval: narrowing only (fields, rows, rate, end of the period). */
export function ApproveModal({ request, onClose }: { request: SharingRequest; onClose(next: SharingRequest | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const req = request.requested;
  const reqTo = day(new Date(new Date(req.validTo).getTime() + 8 * 3600_000 - 1).toISOString());
  const [rowField, rowValues] = Object.entries(req.rowFilter ?? {})[0] ?? [undefined, undefined];
  return (
    <FormModal open title={t('sharing.approve.title')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('sharing.approve.intro')}</Typography.Paragraph>
      <Form<ApproveValues>
        form={form}
        layout="vertical"
        initialValues={{ fields: req.fields, to: reqTo, rowField, rowValues, ratePerMinute: req.ratePerMinute }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const rowFilter = rowFilterOf(v);
            const next = await unwrap(
              api.POST('/api/v1/sharing/requests/{requestId}/approve', {
                params: { path: { requestId: request.id } },
                body: {
                  fields: v.fields,
                  ...(v.to !== reqTo ? { validTo: endOf(v.to) } : {}),
                  ...(rowFilter ? { rowFilter } : {}),
                  ...(v.ratePerMinute ? { ratePerMinute: v.ratePerMinute } : {}),
                },
              }),
            );
            message.success(t('sharing.action.done.approved'));
            onClose(next);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="fields" label={t('sharing.form.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('sharing.form.fieldsRequired') }]}>
          <Checkbox.Group data-testid="approve-fields" options={req.fields.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="to" label={t('sharing.form.period')} rules={[{ required: true, message: t('sharing.form.periodRequired') }]}>
          <Input type="date" max={reqTo} data-testid="approve-to" />
        </Form.Item>
        <RowScopeInputs t={t} fields={req.fields} testId="approve" />
      </Form>
    </FormModal>
  );
}

/** Reject (source unit) or revoke (source unit, data bureau): a reason is required. */
export function ReasonModal({ request, action, onClose }: { request: SharingRequest; action: 'reject' | 'revoke'; onClose(next: SharingRequest | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t(action === 'reject' ? 'sharing.reject.title' : 'sharing.revoke.title')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const path = { params: { path: { requestId: request.id } }, body: { reason: v.reason.trim() } };
            const next = await unwrap(action === 'reject' ? api.POST('/api/v1/sharing/requests/{requestId}/reject', path) : api.POST('/api/v1/sharing/requests/{requestId}/revoke', path));
            message.success(t(action === 'reject' ? 'sharing.action.done.rejected' : 'sharing.action.done.revoked'));
            onClose(next);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t('sharing.reason')} rules={[{ required: true, whitespace: true, max: 2000, message: t('sharing.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
