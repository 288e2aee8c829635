/**
 * Off-exchange trades filed for the record (场外交易备案): my organisation's filings, as filer or as
 * counterparty — counterparty, side, registered asset, amount, trade date, the contract's SHA-256,
 * status — and all of them for the exchange and the regulator. A member files a deal made outside
 * the exchange (the contract stays with the parties: its SHA-256 is computed in the browser from the
 * file, which is never sent); the counterparty confirms it (access.ts filingActions). One filing
 * opens in a drawer with every field.
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { FileAddOutlined, UploadOutlined } from '@ant-design/icons';
import { AllSwitch } from '../../layout/all.switch';
import { api, unwrap } from '../../api/api.client';
import { listPagination, useListParams } from '../../layout/list.params';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { filingActions } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { formatFen, yuanToFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { FILING_STATUSES, isCalendarDate, SHA256_HEX, sha256Hex, shanghaiToday } from './trade.rules';
import { FilingStatusTag, filingStatusLabel, type Filing } from './trade.view';

const PAGE_SIZE = 20;
const sideLabel = (t: Translate, role: string) => (role === 'seller' ? t('trade.filings.side.seller') : t('trade.filings.side.buyer'));

export default function FilingListPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const [params, set] = useListParams();
  const [round, setRound] = useState(0);
  const [filing, setFiling] = useState(false);
  const [open, setOpen] = useState<Filing | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = access['exchange.review'] && params.get('all') === '1';
  const status = (FILING_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as (typeof FILING_STATUSES)[number]) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { page, pageSize: PAGE_SIZE, ...(all ? { all: true } : {}), ...(status ? { status } : {}) };
  const list = useApiResource(`exchange-filings-${JSON.stringify(query)}-${round}`, () => unwrap(api.GET('/api/v1/exchange/filings', { params: { query } })));
  const confirm = async (f: Filing) => {
    setBusy(f.id);
    setError(null);
    try {
      const next = await unwrap(api.POST('/api/v1/exchange/filings/{filingId}/confirm', { params: { path: { filingId: f.id } } }));
      message.success(t('trade.filings.confirmed'));
      if (open?.id === f.id) setOpen(next);
      setRound((x) => x + 1);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const confirmButton = (f: Filing) =>
    filingActions(me ?? null, f).confirm && (
      <Popconfirm title={t('trade.filings.confirmTitle')} description={<div style={{ maxWidth: 320 }}>{t('trade.filings.confirmHint', { filer: orgName(f.filer.name, locale), amount: formatFen(f.amountFen) })}</div>} okText={t('trade.filings.confirm')} cancelText={t('common.cancel')} onConfirm={() => confirm(f)}>
        <Button size="small" type="primary" loading={busy === f.id} data-testid={`filing-confirm-${f.id}`}>
          {t('trade.filings.confirm')}
        </Button>
      </Popconfirm>
    );

  const columns: NonNullable<TableProps<Filing>['columns']> = [
    {
      title: t('trade.filings.col.parties'),
      key: 'parties',
      render: (_: unknown, f: Filing) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(f)} data-testid={`filing-open-${f.id}`}>
          {t('trade.filings.partiesText', { filer: orgName(f.filer.name, locale), side: sideLabel(t, f.filerRole), counterparty: orgName(f.counterparty.name, locale) })}
        </Button>
      ),
    },
    { title: t('trade.filings.col.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v)}</span> },
    { title: t('trade.filings.col.tradedOn'), dataIndex: 'tradedOn', key: 'tradedOn', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('trade.filings.col.registration'), dataIndex: 'registrationNumber', key: 'registration', render: (v: string | null) => (v ? <span className="lt-mono">{v}</span> : '—') },
    { title: t('trade.filings.col.status'), dataIndex: 'status', key: 'status', render: (s: string, f: Filing) => <FilingStatusTag status={s} testId={`filing-status-${f.id}`} /> },
    { title: t('trade.filings.col.action'), key: 'action', render: (_: unknown, f: Filing) => confirmButton(f) || null },
  ];

  return (
    <div data-testid="filings" data-all={all ? 'true' : 'false'}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="filings-title">
          {t('trade.filings.title')}
        </Typography.Title>
        {access['exchange.file'] && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setFiling(true)} data-testid="filing-new">
            {t('trade.filings.file')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('trade.filings.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Space wrap size={[12, 8]}>
          <Select
            style={{ minWidth: 160 }}
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('trade.filings.allStatuses') }, ...FILING_STATUSES.map((s) => ({ value: s, label: filingStatusLabel(t, s) }))]}
            aria-label={t('trade.filings.col.status')}
            data-testid="filings-status"
          />
          {access['exchange.review'] && (
            <AllSwitch checked={all} onChange={(on) => set({ all: on ? '1' : undefined })} label={t('trade.filings.all')} testId="filings-all" />
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="filings-error" />}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Filing>
        rowKey="id"
        data-testid="filings-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(f) => ({ 'data-testid': `filing-${f.id}`, 'data-status': f.status, 'data-fen': f.amountFen, 'data-sha256': f.contractSha256 }) as React.HTMLAttributes<HTMLElement>}
        pagination={listPagination(t, page, PAGE_SIZE, list.data?.total ?? 0, (p) => set({ page: p }))}
        locale={{ emptyText: t('trade.filings.empty') }}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={t('trade.filings.one')} width={Math.min(640, window.innerWidth)} destroyOnHidden>
        {open && (
          <div data-testid="filing-detail" data-id={open.id} data-status={open.status}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('trade.filings.filer')}>{`${orgName(open.filer.name, locale)}（${sideLabel(t, open.filerRole)}）`}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.counterparty')}>{orgName(open.counterparty.name, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.col.status')}>
                <FilingStatusTag status={open.status} testId="filing-detail-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.col.amount')}>{formatFen(open.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.col.tradedOn')}>{open.tradedOn}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.col.registration')}>{open.registrationNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.description')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{open.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.sha256')}>
                <Typography.Text className="lt-mono" copyable style={{ wordBreak: 'break-all' }} data-testid="filing-detail-sha256">
                  {open.contractSha256}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.filedAt')}>{formatTime(open.createdAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('trade.filings.confirmedAt')}>{formatTime(open.confirmedAt, locale)}</Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 16 }}>{confirmButton(open)}</div>
          </div>
        )}
      </Drawer>
      {filing && (
        <FileModal
          onClose={() => setFiling(false)}
          onFiled={(f) => {
            setFiling(false);
            setOpen(f);
            set({ status: undefined, all: undefined });
            setRound((x) => x + 1);
          }}
        />
      )}
    </div>
  );
}

interface FilingValues {
  counterpartyOrgId: string;
  role: 'seller' | 'buyer';
  assetId?: string;
  description: string;
  amount: string;
  tradedOn: string;
  contractSha256: string;
}

/** Files an off-exchange trade: counterparty, side, the registered asset (held by the seller), amount, date, the contract's SHA-256. */
function FileModal({ onClose, onFiled }: { onClose(): void; onFiled(f: Filing): void }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hashed, setHashed] = useState<string | null>(null);
  const role = Form.useWatch('role', form) ?? 'seller';
  const counterparty = Form.useWatch('counterpartyOrgId', form);
  const orgs = useApiResource('filing-orgs', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items);
  // The seller's registered assets in force (the public register; the seller is the filer or its counterparty).
  const sellerOrgId = role === 'seller' ? me?.orgId : counterparty;
  const assets = useApiResource(`filing-assets-${sellerOrgId ?? ''}`, async () => {
    if (!sellerOrgId) return [];
    const items = (await unwrap(api.GET('/api/v1/public/registry/assets', { params: { query: { status: 'registered', holderOrgId: sellerOrgId, page: 1, pageSize: 200 } } }))).items;
    return items.filter((a) => a.holder?.orgId === sellerOrgId && a.assetStatus === 'active');
  });
  const hashFile = async (file: File) => {
    const digest = await sha256Hex(await file.arrayBuffer());
    form.setFieldValue('contractSha256', digest);
    await form.validateFields(['contractSha256']).catch(() => {});
    setHashed(file.name);
  };
  return (
    <FormModal open title={t('trade.filings.file')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('trade.filings.fileIntro')}</Typography.Paragraph>
      <Form<FilingValues>
        form={form}
        layout="vertical"
        initialValues={{ role: 'seller', tradedOn: shanghaiToday() }}
        onValuesChange={(changed) => {
          if ('role' in changed || 'counterpartyOrgId' in changed) form.setFieldValue('assetId', undefined);
        }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const f = await unwrap(api.POST('/api/v1/exchange/filings', {
              body: {
                counterpartyOrgId: v.counterpartyOrgId, role: v.role, ...(v.assetId ? { assetId: v.assetId } : {}), description: v.description.trim(), amountFen: yuanToFen(v.amount)!,
                tradedOn: v.tradedOn.trim(), contractSha256: v.contractSha256.trim().toLowerCase(),
              },
            }));
            message.success(t('trade.filings.filed'));
            onFiled(f);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="counterpartyOrgId" label={t('trade.filings.counterparty')} rules={[{ required: true, message: t('trade.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.loading}
            options={(orgs.data ?? []).filter((o) => o.id !== me?.orgId).map((o) => ({ value: o.id, label: orgName(o.name, locale) }))}
            data-testid="filing-counterparty"
          />
        </Form.Item>
        <Form.Item name="role" label={t('trade.filings.role')}>
          <Radio.Group data-testid="filing-role" options={[{ value: 'seller', label: t('trade.filings.roleSeller') }, { value: 'buyer', label: t('trade.filings.roleBuyer') }]} />
        </Form.Item>
        <Form.Item name="assetId" label={t('trade.filings.asset')} extra={t('trade.filings.assetHint')}>
          <Select
            allowClear
            loading={assets.loading}
            options={(assets.data ?? []).map((a) => ({ value: a.assetId, label: `${orgName(a.title, locale)}（${a.registrationNumber ?? '—'}）` }))}
            data-testid="filing-asset"
          />
        </Form.Item>
        <Form.Item name="description" label={t('trade.filings.description')} rules={[{ required: true, whitespace: true, message: t('trade.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="filing-description" />
        </Form.Item>
        <Space wrap align="start" size={[16, 0]}>
          <Form.Item name="amount" label={t('trade.filings.amount')} rules={[{ required: true, whitespace: true, message: t('trade.required') }, { validator: async (_: unknown, v: string | undefined) => { if (v && !/^[1-9][0-9]*$/.test(yuanToFen(v) ?? '')) throw new Error(t('trade.books.amountRule')); } }]}>
            <Input prefix="¥" inputMode="decimal" data-testid="filing-amount" />
          </Form.Item>
          <Form.Item name="tradedOn" label={t('trade.filings.col.tradedOn')} rules={[{ validator: async (_: unknown, v: string | undefined) => { if (!v || !isCalendarDate(v.trim()) || v.trim() > shanghaiToday()) throw new Error(t('trade.filings.tradedOnRule')); } }]}>
            <Input type="date" style={{ width: 180 }} data-testid="filing-traded-on" />
          </Form.Item>
        </Space>
        <Form.Item
          name="contractSha256"
          label={t('trade.filings.sha256')}
          extra={hashed ? t('trade.filings.hashedFrom', { name: hashed }) : t('trade.filings.sha256Hint')}
          rules={[{ validator: async (_: unknown, v: string | undefined) => { if (!v || !SHA256_HEX.test(v.trim().toLowerCase())) throw new Error(t('trade.destruction.evidenceRule')); } }]}
        >
          <Input className="lt-mono" data-testid="filing-sha256" />
        </Form.Item>
        <Upload showUploadList={false} beforeUpload={(file) => { void hashFile(file); return false; }}>
          <Button icon={<UploadOutlined />} data-testid="filing-hash-file">{t('trade.filings.hashFile')}</Button>
        </Upload>
      </Form>
    </FormModal>
  );
}
