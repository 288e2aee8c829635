/** Pieces shared by the gateway pages: types, tags, the usage chart, the calls table and the dialogs (narrow, revoke, proof). */
import { lazy, Suspense, useMemo, useState } from 'react';
import { App, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Spin, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { paths } from '../../api/openapi.schema';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import type { Translate } from '../../i18n/i18n.context';
import { useI18n, hasMessage } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import type { MessageKey } from '../../locales/index';

const LineChartView = lazy(() => import('../../charts/line.chart'));

export type Grant = paths['/api/v1/gateway/grants/{grantId}']['get']['responses'][200]['content']['application/json'];
export type CallRecord = paths['/api/v1/gateway/calls']['get']['responses'][200]['content']['application/json']['items'][number];
export type Usage = paths['/api/v1/gateway/usage']['get']['responses'][200]['content']['application/json'];
export type Side = 'grantee' | 'grantor';

export const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
/** Where a grant came from (sharing, open data key or application, direct, authorized operation); the code itself when unknown. */
export const kindLabel = (t: Translate, kind: string) => (hasMessage(`gateway.kind.${kind}`) ? msg(t, `gateway.kind.${kind}`) : kind);
export const GRANT_STATUSES = ['active', 'revoked', 'expired'] as const;

const COLOURS: Record<string, string> = { active: 'green', revoked: 'magenta', expired: 'default' };
export function GrantStatusTag({ t, status }: { t: Translate; status: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status}>
      {msg(t, `gateway.status.${status}`)}
    </Tag>
  );
}

/** The columns every grant table shows; `org` is the other party's column. */
export function grantColumns(t: Translate, locale: string, side: Side, orgNameOf: (id: string) => string): NonNullable<TableProps<Grant>['columns']> {
  return [
    { title: t('gateway.col.resource'), dataIndex: 'resourceId', key: 'resource', render: (id: string) => <Link to={`/console/catalog/resources/${id}`} className="lt-mono">{id}</Link> },
    side === 'grantee'
      ? { title: t('gateway.col.grantor'), dataIndex: 'grantorOrgId', key: 'org', render: (id: string) => orgNameOf(id) }
      : { title: t('gateway.col.grantee'), dataIndex: 'granteeOrgId', key: 'org', render: (id: string) => orgNameOf(id) },
    {
      title: t('gateway.col.kind'), dataIndex: 'kind', key: 'kind',
      // An authorized-operation grant leads its holder (the operator, a party) to the agreement it
      // came from; a data-subject authorization's grant (consent) leads the requester to it.
      render: (k: string, g: Grant) =>
        (k === 'authorization' || k === 'consent') && side === 'grantee' && g.sourceRef ? (
          <Link to={k === 'consent' ? `/console/space/authorizations/${g.sourceRef}` : `/console/authorization/agreements/${g.sourceRef}`} data-testid={`grant-source-${g.id}`}>
            {kindLabel(t, k)}
          </Link>
        ) : (
          kindLabel(t, k)
        ),
    },
    { title: t('gateway.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => <GrantStatusTag t={t} status={s} /> },
    { title: t('gateway.col.fields'), dataIndex: 'fields', key: 'fields', render: (f: string[]) => <span className="lt-mono">{f.join(', ')}</span> },
    {
      title: t('gateway.col.rowFilter'), dataIndex: 'rowFilter', key: 'rowFilter',
      render: (rf: Grant['rowFilter']) => (rf ? <span className="lt-mono">{Object.entries(rf).map(([f, v]) => `${f} ∈ {${v.join(', ')}}`).join('; ')}</span> : t('gateway.rowFilter.all')),
    },
    { title: t('gateway.col.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (v: string | null) => (v ? formatTime(v, locale, false) : t('gateway.expires.never')) },
    {
      title: t('gateway.col.limits'), key: 'limits',
      render: (_: unknown, g: Grant) => t('gateway.limit.value', { rate: g.ratePerMinute ?? t('gateway.limit.none'), quota: g.dailyRowQuota ?? t('gateway.limit.none') }),
    },
  ];
}

/** Rows, bytes and calls per day (CST days, as the server counts quotas). */
export function UsageCard({ side, grantId, title }: { side: Side; grantId?: string | undefined; title?: string | undefined }) {
  const { t } = useI18n();
  const usage = useApiResource(`gateway-usage-${side}-${grantId ?? 'all'}`, () => unwrap(api.GET('/api/v1/gateway/usage', { params: { query: { role: side, ...(grantId ? { grantId } : {}) } } })));
  const chart = useMemo(() => {
    const days = usage.data?.days ?? [];
    return {
      labels: days.map((d) => d.day.slice(5)),
      series: [
        { name: t('gateway.usage.rows'), values: days.map((d) => d.rows) },
        { name: t('gateway.usage.calls'), values: days.map((d) => d.calls) },
        { name: t('gateway.usage.bytes'), values: days.map((d) => Math.round(d.bytes / 1024)) },
      ],
    };
  }, [usage.data, t]);
  return (
    <Card title={title ?? t('gateway.usage.title')} loading={usage.loading && !usage.data} data-testid={`gateway-usage-${side}`}>
      {usage.error && <Typography.Text type="danger">{usage.error}</Typography.Text>}
      {usage.data && usage.data.days.length === 0 && <Empty description={t('gateway.usage.empty')} />}
      {usage.data && usage.data.days.length > 0 && (
        <Suspense fallback={<Spin />}>
          <LineChartView labels={chart.labels} series={chart.series} />
        </Suspense>
      )}
    </Card>
  );
}

/** The grantor's view of usage by grantee organisation. */
export function UsageByGrantee({ orgNameOf }: { orgNameOf: (id: string) => string }) {
  const { t } = useI18n();
  const usage = useApiResource('gateway-usage-grantor-by-grantee', () => unwrap(api.GET('/api/v1/gateway/usage', { params: { query: { role: 'grantor' } } })));
  const rows = usage.data?.grantees ?? [];
  return (
    <Card title={t('gateway.usage.byGrantee')}>
      <Table
        rowKey="granteeOrgId"
        size="small"
        loading={usage.loading}
        data-testid="gateway-usage-by-grantee"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('gateway.col.grantee'), dataIndex: 'granteeOrgId', key: 'org', render: (id: string) => orgNameOf(id) },
          { title: t('gateway.col.calls'), dataIndex: 'calls', key: 'calls' },
          { title: t('gateway.col.refused'), dataIndex: 'refused', key: 'refused' },
          { title: t('gateway.col.rows'), dataIndex: 'rows', key: 'rows' },
          { title: t('gateway.col.bytes'), dataIndex: 'bytes', key: 'bytes' },
        ]}
      />
    </Card>
  );
}

/** Recent calls on my side, each with its evidence proof. */
export function CallsCard({ side, orgNameOf }: { side: Side; orgNameOf: (id: string) => string }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [proofOf, setProofOf] = useState<string | null>(null);
  const calls = useApiResource(`gateway-calls-${side}-${page.page}-${page.pageSize}`, () => unwrap(api.GET('/api/v1/gateway/calls', { params: { query: { role: side, page: page.page, pageSize: page.pageSize } } })));
  return (
    <Card title={t('gateway.calls.title')}>
      {calls.error && <Typography.Text type="danger">{calls.error}</Typography.Text>}
      <Table<CallRecord>
        rowKey="id"
        size="small"
        data-testid={`gateway-calls-${side}`}
        loading={calls.loading}
        dataSource={calls.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('gateway.col.calledAt'), dataIndex: 'calledAt', key: 'calledAt', render: (v: string) => formatTime(v, locale) },
          { title: t('gateway.col.resource'), dataIndex: 'resourceId', key: 'resource', render: (id: string) => <span className="lt-mono">{id}</span> },
          side === 'grantor'
            ? { title: t('gateway.col.grantee'), dataIndex: 'callerOrgId', key: 'org', render: (id: string) => orgNameOf(id) }
            : { title: t('gateway.col.grantor'), dataIndex: 'grantorOrgId', key: 'org', render: (id: string | null) => (id ? orgNameOf(id) : '—') },
          { title: t('gateway.col.result'), key: 'result', render: (_: unknown, c: CallRecord) => (c.status < 400 ? <Tag color="green">{t('gateway.calls.ok')}</Tag> : <Tag color="red">{`${c.status} ${c.code ?? ''}`}</Tag>) },
          { title: t('gateway.col.rows'), dataIndex: 'rows', key: 'rows' },
          { title: t('gateway.col.bytes'), dataIndex: 'bytes', key: 'bytes' },
          {
            title: t('common.actions'), key: 'actions',
            render: (_: unknown, c: CallRecord) => (
              <Typography.Link onClick={() => setProofOf(c.id)} data-testid={`proof-${c.id}`}>
                {t('gateway.action.proof')}
              </Typography.Link>
            ),
          },
        ]}
        pagination={{ current: page.page, pageSize: page.pageSize, total: calls.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      {proofOf && <ProofModal callId={proofOf} onClose={() => setProofOf(null)} />}
    </Card>
  );
}

function ProofModal({ callId, onClose }: { callId: string; onClose(): void }) {
  const { t } = useI18n();
  const proof = useApiResource(`gateway-proof-${callId}`, () => unwrap(api.GET('/api/v1/gateway/calls/{callId}/proof', { params: { path: { callId } } })));
  const p = proof.data;
  return (
    <Modal open title={t('gateway.proof.title')} footer={null} onCancel={onClose} width={720}>
      {proof.loading && !p && <Spin />}
      {proof.error && <Typography.Text type="danger">{proof.error}</Typography.Text>}
      {p && (
        <div data-testid="gateway-proof">
          <Typography.Paragraph type="secondary">{t('gateway.proof.intro', { eventId: p.commitment.eventId })}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('gateway.proof.leafIndex')}>{p.leafIndex}</Descriptions.Item>
            <Descriptions.Item label={t('gateway.proof.treeSize')}>{p.treeSize}</Descriptions.Item>
            <Descriptions.Item label={t('gateway.proof.root')}><span className="lt-mono">{p.commitment.root}</span></Descriptions.Item>
            <Descriptions.Item label={t('gateway.proof.event')}><span className="lt-mono">{p.commitment.eventId}</span></Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('gateway.proof.record')}</Typography.Title>
          <pre className="lt-mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify({ record: p.record, leafHash: p.leafHash, proof: p.proof }, null, 2)}</pre>
        </div>
      )}
    </Modal>
  );
}

interface NarrowForm {
  fields: string[];
  expiresAt?: dayjs.Dayjs | null;
  ratePerMinute?: number | null;
  dailyRowQuota?: number | null;
}

/** The grantor narrows a grant; the server refuses any widening (GATEWAY_GRANT_WIDENING). */
export function NarrowModal({ grant, onClose }: { grant: Grant; onClose(next: Grant | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NarrowForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('gateway.narrow.title')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<NarrowForm>
        form={form}
        layout="vertical"
        initialValues={{ fields: grant.fields, expiresAt: grant.expiresAt ? dayjs(grant.expiresAt) : null, ratePerMinute: grant.ratePerMinute, dailyRowQuota: grant.dailyRowQuota }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body: paths['/api/v1/gateway/grants/{grantId}']['patch']['requestBody']['content']['application/json'] = { fields: v.fields };
            if (v.expiresAt) body.expiresAt = v.expiresAt.endOf('day').toISOString();
            if (v.ratePerMinute) body.ratePerMinute = v.ratePerMinute;
            if (v.dailyRowQuota) body.dailyRowQuota = v.dailyRowQuota;
            const next = await unwrap(api.PATCH('/api/v1/gateway/grants/{grantId}', { params: { path: { grantId: grant.id } }, body }));
            message.success(t('gateway.action.done.narrowed'));
            onClose(next);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="fields" label={t('gateway.narrow.fields')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={grant.fields.map((f) => ({ value: f, label: f }))} data-testid="narrow-fields" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('gateway.narrow.expiresAt')}>
          <DatePicker data-testid="narrow-expires" />
        </Form.Item>
        <Form.Item name="ratePerMinute" label={t('gateway.narrow.rate')}>
          <InputNumber min={1} precision={0} data-testid="narrow-rate" />
        </Form.Item>
        <Form.Item name="dailyRowQuota" label={t('gateway.narrow.quota')}>
          <InputNumber min={1} precision={0} data-testid="narrow-quota" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function RevokeModal({ grant, onClose }: { grant: Grant; onClose(next: Grant | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('gateway.revoke.title')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const next = await unwrap(api.POST('/api/v1/gateway/grants/{grantId}/revoke', { params: { path: { grantId: grant.id } }, body: { reason: v.reason.trim() } }));
            message.success(t('gateway.action.done.revoked'));
            onClose(next);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t('gateway.revoke.reason')} rules={[{ required: true, whitespace: true, max: 500, message: t('gateway.revoke.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid="revoke-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
