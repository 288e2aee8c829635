/**
 * The register of data brokers (数据经纪人): certificates issued by the data bureau with their
 * number, industries, validity and standing today. The bureau certifies an organisation holding the
 * broker role here, and suspends, reinstates or revokes a certificate with a reason (a revocation
 * ends the broker's mandates). Everyone signed in reads it; the portal shows the same register.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { computeAccess } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { orgName } from '../../format/labels';
import { actionLabel, ReasonModal, StandingTag } from './exchange.view';

export interface BrokerRow {
  id: string;
  orgId: string;
  orgName: { zh: string; en: string };
  number: string;
  industries: string[];
  validFrom: string;
  validUntil: string;
  status: string;
  standing: string;
  reason: string | null;
}

/** The register's columns (the console adds the bureau's actions). */
export function brokerColumns(t: ReturnType<typeof useI18n>['t'], locale: string): NonNullable<TableProps<BrokerRow>['columns']> {
  return [
    { title: t('exchange.broker.number'), dataIndex: 'number', key: 'number', render: (n: string, b: BrokerRow) => <span className="lt-mono" data-testid={`broker-number-${b.orgId}`}>{n}</span> },
    { title: t('exchange.col.org'), dataIndex: 'orgName', key: 'org', render: (n: BrokerRow['orgName']) => orgName(n, locale) },
    { title: t('exchange.broker.industries'), dataIndex: 'industries', key: 'industries', render: (i: string[]) => i.join('、') },
    { title: t('exchange.broker.validity'), key: 'validity', render: (_: unknown, b: BrokerRow) => <span style={{ whiteSpace: 'nowrap' }}>{b.validFrom} ~ {b.validUntil}</span> },
    { title: t('exchange.broker.standing'), dataIndex: 'standing', key: 'standing', render: (s: string, b: BrokerRow) => <StandingTag standing={s} testId={`broker-standing-${b.orgId}`} /> },
    { title: t('exchange.col.reason'), dataIndex: 'reason', key: 'reason', render: (r: string | null) => r ?? '—' },
  ];
}

type BrokerAction = 'suspend' | 'reinstate' | 'revoke';

export default function BrokerRegisterPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [certifying, setCertifying] = useState(false);
  const [asking, setAsking] = useState<{ broker: BrokerRow; action: BrokerAction } | null>(null);
  const list = useApiResource(`exchange-brokers-${round}`, () => unwrap(api.GET('/api/v1/public/exchange/brokers', { params: { query: { page: 1, pageSize: 200 } } })));
  const bureau = computeAccess(me ?? null)['exchange.certify'];
  const columns: NonNullable<TableProps<BrokerRow>['columns']> = [
    ...brokerColumns(t, locale),
    ...(bureau
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, b: BrokerRow) => (
            <Space>
              {b.status === 'active' && <Button size="small" onClick={() => setAsking({ broker: b, action: 'suspend' })} data-testid={`broker-suspend-${b.orgId}`}>{actionLabel(t, 'suspend')}</Button>}
              {b.status === 'suspended' && <Button size="small" onClick={() => setAsking({ broker: b, action: 'reinstate' })} data-testid={`broker-reinstate-${b.orgId}`}>{actionLabel(t, 'reinstate')}</Button>}
              {b.status !== 'revoked' && <Button size="small" danger onClick={() => setAsking({ broker: b, action: 'revoke' })} data-testid={`broker-revoke-${b.orgId}`}>{actionLabel(t, 'revoke')}</Button>}
            </Space>
          ),
        }]
      : []),
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="brokers-title">
          {t('exchange.brokers.title')}
        </Typography.Title>
        {bureau && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setCertifying(true)} data-testid="broker-certify">
            {t('exchange.brokers.certify')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.brokers.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<BrokerRow>
        rowKey="id"
        data-testid="brokers-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('exchange.brokers.empty') }}
      />
      {certifying && <CertifyModal onClose={() => setCertifying(false)} onDone={() => { setCertifying(false); setRound((r) => r + 1); }} />}
      {asking && (
        <ReasonModal
          title={`${actionLabel(t, asking.action)} · ${asking.broker.number}`}
          hint={t(asking.action === 'revoke' ? 'exchange.reason.revoke' : 'exchange.reason.sanction')}
          onClose={() => setAsking(null)}
          onSubmit={async (reason) => {
            await unwrap(api.POST('/api/v1/exchange/brokers/{brokerId}/{action}', { params: { path: { brokerId: asking.broker.id, action: asking.action } }, body: { reason } }));
            message.success(t('exchange.member.done', { action: actionLabel(t, asking.action) }));
            setAsking(null);
            setRound((r) => r + 1);
          }}
        />
      )}
    </div>
  );
}

interface CertifyValues {
  orgId: string;
  industries: string[];
  validFrom: string;
  validUntil: string;
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function CertifyModal({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CertifyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orgs = useApiResource('exchange-broker-orgs', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc', role: 'broker' } } }))).items);
  return (
    <FormModal open title={t('exchange.brokers.certify')} busy={busy} error={error ?? orgs.error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('exchange.brokers.certifyIntro')}</Typography.Paragraph>
      <Form<CertifyValues>
        form={form}
        layout="vertical"
        initialValues={{ industries: [] }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/exchange/brokers', { body: { orgId: v.orgId, industries: v.industries, validFrom: v.validFrom.trim(), validUntil: v.validUntil.trim() } }));
            message.success(t('exchange.brokers.certified'));
            onDone();
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="orgId" label={t('exchange.col.org')} rules={[{ required: true, message: t('exchange.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.loading}
            options={(orgs.data ?? []).filter((o) => o.status === 'active').map((o) => ({ value: o.id, label: orgName(o.name, locale) }))}
            data-testid="certify-org"
          />
        </Form.Item>
        <Form.Item name="industries" label={t('exchange.broker.industries')} extra={t('exchange.brokers.industriesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('exchange.required') }]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="certify-industries" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="validFrom" label={t('exchange.broker.validFrom')} rules={[{ required: true, pattern: DATE, message: t('exchange.dateRule') }]}>
            <Input placeholder={t('exchange.datePlaceholder')} maxLength={10} data-testid="certify-from" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('exchange.broker.validUntil')} rules={[{ required: true, pattern: DATE, message: t('exchange.dateRule') }]}>
            <Input placeholder={t('exchange.datePlaceholder')} maxLength={10} data-testid="certify-until" />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}
