/**
 * A list of registration applications (登记申请): the organisation's own (mine, with a second tab of
 * the registered assets it holds now: 我的资产), the caller's review cases (review: those on a panel
 * the caller sits on) or every application (all: the data bureau, the regulator) — paged on the
 * server, filtered by type, status and words; the tab, the filter and the page are in the address,
 * so they survive a reload.
 */
import { Alert, Button, Input, Select, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { APPLICATION_TYPES, publicityLastDay, STATUSES, type ApplicationStatus, type ApplicationType, type Box } from './registry.rules';
import { AssetStatusTag, msg, objectKindLabel, RegistryStatusTag, RegistryTypeTag, text, typeLabel, type ApplicationSummary } from './registry.view';

const PAGE_SIZES = ['10', '20', '50', '100'];

export function ApplicationsList({ box: page0 }: { box: Box }) {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const [params, setParams] = useSearchParams();
  // The applicant's list has two tabs: its applications and the assets it holds now.
  const box: Box = page0 === 'mine' && params.get('tab') === 'assets' ? 'assets' : page0;
  const type = (APPLICATION_TYPES as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as ApplicationType) : undefined;
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ApplicationStatus) : undefined;
  const q = (params.get('q') ?? '').slice(0, 100);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(params.get('pageSize') ?? '') ? Number(params.get('pageSize')) : 20;
  const query = { box, ...(status && box !== 'assets' ? { status } : {}), ...(type && box !== 'assets' ? { type } : {}), ...(q ? { q } : {}), page, pageSize };
  const list = useApiResource(`registry-applications-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/registry/applications', { params: { query } })));

  const set = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    if (!('page' in next)) p.delete('page');
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const columns: TableProps<ApplicationSummary>['columns'] = [
    {
      title: t('registry.col.title'),
      key: 'title',
      render: (_: unknown, a: ApplicationSummary) => (
        <Link to={`/console/registry/applications/${a.id}`} data-testid={`registry-link-${a.id}`}>
          {text(a.title, locale)}
        </Link>
      ),
    },
    ...(box === 'assets' ? [] : [{ title: t('registry.col.type'), dataIndex: 'type', key: 'type', render: (k: string, a: ApplicationSummary) => <RegistryTypeTag t={t} type={k} testId={`registry-type-${a.id}`} /> }]),
    { title: t('registry.col.objectKind'), dataIndex: 'objectKind', key: 'objectKind', render: (k: string) => objectKindLabel(t, k) },
    ...(box === 'assets'
      ? [{
          title: t('registry.asset.status'),
          key: 'asset',
          render: (_: unknown, a: ApplicationSummary) => <AssetStatusTag t={t} status={a.asset?.status ?? null} disputed={!!a.asset?.disputeUntil} testId={`registry-asset-status-${a.id}`} />,
        }]
      : []),
    ...(box === 'mine' || box === 'assets' ? [] : [{ title: t('registry.col.applicant'), dataIndex: 'applicantOrgId', key: 'applicant', render: (id: string) => orgNameOf(id) }]),
    { title: t('registry.col.status'), dataIndex: 'status', key: 'status', render: (s: string, a: ApplicationSummary) => <RegistryStatusTag t={t} status={s} testId={`registry-status-${a.id}`} /> },
    {
      title: t('registry.col.number'),
      dataIndex: 'registrationNumber',
      key: 'number',
      render: (n: string | null, a: ApplicationSummary) =>
        n ? <span className="lt-mono">{n}</span> : a.status === 'publicity' ? t('registry.publicity.until', { day: publicityLastDay(a.publicityUntil) ?? '—' }) : '—',
    },
    { title: t('registry.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="registry-list-title" data-box={box}>
          {msg(t, `registry.box.${box}`)}
        </Typography.Title>
        {box === 'mine' && access['registry.apply'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/registry/new')} data-testid="registry-new">
            {t('registry.list.new')}
          </Button>
        )}
      </div>
      {page0 === 'mine' && (
        <Tabs
          activeKey={box}
          onChange={(key) => {
            const p = new URLSearchParams();
            if (key === 'assets') p.set('tab', 'assets');
            setParams(p, { replace: true });
          }}
          items={(['mine', 'assets'] as const).map((k) => ({ key: k, label: <span data-testid={`registry-tab-${k}`}>{msg(t, `registry.tab.${k}`)}</span> }))}
        />
      )}
      <Typography.Paragraph type="secondary">{msg(t, `registry.box.${box}Intro`)}</Typography.Paragraph>
      <div className="lt-toolbar">
        {box !== 'assets' && (
          <Select<ApplicationType>
            allowClear
            placeholder={t('registry.filter.type')}
            style={{ minWidth: 140 }}
            value={type}
            onChange={(v) => set({ type: v })}
            options={APPLICATION_TYPES.map((k) => ({ value: k, label: typeLabel(t, k) }))}
            data-testid="registry-filter-type"
          />
        )}
        {box !== 'assets' && (
        <Select<ApplicationStatus>
          allowClear
          placeholder={t('registry.filter.status')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: msg(t, `registry.status.${s}`) }))}
          data-testid="registry-filter-status"
        />
        )}
        <Input.Search
          key={box}
          allowClear
          defaultValue={q}
          maxLength={100}
          style={{ width: 'min(320px, 100%)' }}
          placeholder={t('registry.filter.q')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="registry-filter-q"
        />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} data-testid="registry-list-error" />}
      <Table<ApplicationSummary>
        rowKey="id"
        data-testid="registry-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: msg(t, `registry.box.${box}Empty`) }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => set({ page: p, pageSize: s }),
        }}
      />
    </div>
  );
}
