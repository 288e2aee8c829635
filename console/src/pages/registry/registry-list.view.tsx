/**
 * A list of registration applications (登记申请): the organisation's own (mine), the caller's review
 * cases (review: those on a panel the caller sits on) or every application (all: the data bureau,
 * the regulator) — paged on the server, filtered by status and words; the filter and the page are
 * in the address, so they survive a reload.
 */
import { Alert, Button, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { publicityLastDay, STATUSES, type ApplicationStatus, type Box } from './registry.rules';
import { msg, objectKindLabel, RegistryStatusTag, text, type ApplicationSummary } from './registry.view';

const PAGE_SIZES = ['10', '20', '50', '100'];

export function ApplicationsList({ box }: { box: Box }) {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ApplicationStatus) : undefined;
  const q = (params.get('q') ?? '').slice(0, 100);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(params.get('pageSize') ?? '') ? Number(params.get('pageSize')) : 20;
  const query = { box, ...(status ? { status } : {}), ...(q ? { q } : {}), page, pageSize };
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
    { title: t('registry.col.objectKind'), dataIndex: 'objectKind', key: 'objectKind', render: (k: string) => objectKindLabel(t, k) },
    ...(box === 'mine' ? [] : [{ title: t('registry.col.applicant'), dataIndex: 'applicantOrgId', key: 'applicant', render: (id: string) => orgNameOf(id) }]),
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
      <Typography.Paragraph type="secondary">{msg(t, `registry.box.${box}Intro`)}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<ApplicationStatus>
          allowClear
          placeholder={t('registry.filter.status')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: msg(t, `registry.status.${s}`) }))}
          data-testid="registry-filter-status"
        />
        <Input.Search
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
