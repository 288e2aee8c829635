/**
 * Broker mandates (经纪委托): the mandates my organisation gave as a client or holds as a broker
 * (the exchange and the regulator see all). A member's administrator mandates a certified broker
 * — side, scope, commission, validity within the broker's certificate — and either party ends one.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { orgName } from '../../format/labels';
import { MemberStatusTag, percentOf, sideLabel } from './exchange.view';

interface MandateRow {
  id: string;
  brokerOrgId: string;
  brokerName: { zh: string; en: string };
  clientOrgId: string;
  clientName: { zh: string; en: string };
  side: string;
  scope: string;
  commissionBp: number;
  validUntil: string;
  status: string;
  inForce: boolean;
}
type Box = 'all' | 'client' | 'broker';

export default function MandateListPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [box, setBox] = useState<Box>('all');
  const [round, setRound] = useState(0);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useApiResource(`exchange-mandates-${box}-${round}`, () => unwrap(api.GET('/api/v1/exchange/mandates', { params: { query: { page: 1, pageSize: 100, ...(box !== 'all' ? { box } : {}) } } })));
  const admin = me?.memberRole === 'org_admin';
  const end = async (m: MandateRow) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/exchange/mandates/{mandateId}/end', { params: { path: { mandateId: m.id } } }));
      message.success(t('exchange.mandates.ended'));
      setRound((r) => r + 1);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  const columns: NonNullable<TableProps<MandateRow>['columns']> = [
    { title: t('exchange.mandates.client'), dataIndex: 'clientName', key: 'client', render: (n: MandateRow['clientName']) => orgName(n, locale) },
    { title: t('exchange.mandates.broker'), dataIndex: 'brokerName', key: 'broker', render: (n: MandateRow['brokerName']) => orgName(n, locale) },
    { title: t('exchange.mandates.side'), dataIndex: 'side', key: 'side', render: (s: string) => sideLabel(t, s) },
    { title: t('exchange.mandates.scope'), dataIndex: 'scope', key: 'scope' },
    { title: t('exchange.mandates.commission'), dataIndex: 'commissionBp', key: 'commission', render: (bp: number) => percentOf(bp) },
    { title: t('exchange.broker.validUntil'), dataIndex: 'validUntil', key: 'validUntil' },
    {
      title: t('exchange.col.status'),
      key: 'status',
      render: (_: unknown, m: MandateRow) => (m.status === 'active' && !m.inForce ? <Tag data-testid={`mandate-status-${m.id}`} data-status="lapsed">{t('exchange.mandates.lapsed')}</Tag> : <MemberStatusTag status={m.status} testId={`mandate-status-${m.id}`} />),
    },
    ...(admin
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, m: MandateRow) =>
            m.status === 'active' && (m.clientOrgId === me?.orgId || m.brokerOrgId === me?.orgId) ? (
              <Popconfirm title={t('exchange.mandates.endConfirm')} okText={t('exchange.mandates.end')} cancelText={t('common.cancel')} onConfirm={() => end(m)}>
                <Button size="small" danger data-testid={`mandate-end-${m.id}`}>{t('exchange.mandates.end')}</Button>
              </Popconfirm>
            ) : null,
        }]
      : []),
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="mandates-title">
          {t('exchange.mandates.title')}
        </Typography.Title>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="mandate-create">
            {t('exchange.mandates.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.mandates.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<Box>
          style={{ minWidth: 160 }}
          value={box}
          onChange={setBox}
          options={[{ value: 'all', label: t('exchange.all') }, { value: 'client', label: t('exchange.mandates.asClient') }, { value: 'broker', label: t('exchange.mandates.asBroker') }]}
          data-testid="mandates-box"
        />
      </div>
      {(error || list.error) && <Alert type="error" showIcon closable title={error ?? list.error} style={{ marginBottom: 16 }} onClose={() => setError(null)} />}
      <Table<MandateRow>
        rowKey="id"
        data-testid="mandates-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('exchange.mandates.empty') }}
      />
      {creating && <MandateModal onClose={() => setCreating(false)} onDone={() => { setCreating(false); setRound((r) => r + 1); }} />}
    </div>
  );
}

interface MandateValues {
  brokerOrgId: string;
  side: 'sell' | 'buy' | 'both';
  scope: string;
  commissionPercent: number;
  validUntil: string;
}

function MandateModal({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MandateValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const brokers = useApiResource('exchange-mandate-brokers', async () => (await unwrap(api.GET('/api/v1/public/exchange/brokers', { params: { query: { page: 1, pageSize: 200, status: 'active' } } }))).items);
  return (
    <FormModal open title={t('exchange.mandates.create')} busy={busy} error={error ?? brokers.error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('exchange.mandates.createIntro')}</Typography.Paragraph>
      <Form<MandateValues>
        form={form}
        layout="vertical"
        initialValues={{ side: 'sell', commissionPercent: 1 }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/exchange/mandates', { body: { brokerOrgId: v.brokerOrgId, side: v.side, scope: v.scope.trim(), commissionBp: Math.round(v.commissionPercent * 100), validUntil: v.validUntil.trim() } }));
            message.success(t('exchange.mandates.created'));
            onDone();
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="brokerOrgId" label={t('exchange.mandates.broker')} rules={[{ required: true, message: t('exchange.required') }]}>
          <Select
            loading={brokers.loading}
            options={(brokers.data ?? []).filter((b) => b.standing === 'in_force').map((b) => ({ value: b.orgId, label: `${orgName(b.orgName, locale)} (${b.number}, ≤ ${b.validUntil})` }))}
            data-testid="mandate-broker"
          />
        </Form.Item>
        <Form.Item name="side" label={t('exchange.mandates.side')} rules={[{ required: true }]}>
          <Select options={(['sell', 'buy', 'both'] as const).map((s) => ({ value: s, label: sideLabel(t, s) }))} data-testid="mandate-side" />
        </Form.Item>
        <Form.Item name="scope" label={t('exchange.mandates.scope')} rules={[{ required: true, whitespace: true, message: t('exchange.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="mandate-scope" />
        </Form.Item>
        <Form.Item name="commissionPercent" label={t('exchange.mandates.commissionPercent')} rules={[{ required: true, type: 'number', min: 0, max: 30, message: t('exchange.mandates.commissionRule') }]}>
          <InputNumber min={0} max={30} step={0.1} precision={2} addonAfter="%" data-testid="mandate-commission" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('exchange.broker.validUntil')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('exchange.dateRule') }]}>
          <Input placeholder={t('exchange.datePlaceholder')} maxLength={10} data-testid="mandate-until" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
