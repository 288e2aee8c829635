/**
 * The public register of data assets (数据资产登记公示), no login: registered assets with their
 * registration number, state (在册/已注销/已撤销, 存在异议 while an objection is registered), current
 * holder, scenario and rights holders, searchable by words or number; and
 * those in publicity (公示中) until their end day — anyone signed in may object to one, so the
 * objection link leads to the console (through the login when needed).
 */
import { Alert, Button, Empty, Input, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useListParams } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatDate } from '../../format/time.format';
import { PUBLIC_LISTS, publicityLastDay, type PublicList } from './registry.rules';
import { AssetStatusTag, msg, objectKindLabel, RegistryTypeTag, rightLabel, text, type PublicEntry } from './registry.view';

const PAGE_SIZES = ['10', '20', '50'];

export default function PublicRegisterPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const navigate = useNavigate();
  const [params, set] = useListParams();
  const tab: PublicList = (PUBLIC_LISTS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as PublicList) : 'registered';
  const q = (params.get('q') ?? '').slice(0, 100);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(params.get('pageSize') ?? '') ? Number(params.get('pageSize')) : 20;
  const query = { status: tab, ...(q ? { q } : {}), page, pageSize };
  const list = useApiResource(`public-registry-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/public/registry/assets', { params: { query } })));
  /** The objection form in the console; the login first for visitors (it returns there). */
  const objectTo = (e: PublicEntry) => {
    const target = `/console/registry/applications/${e.id}?q=${encodeURIComponent(e.title.zh)}`;
    return me ? target : `/login?next=${encodeURIComponent(target)}`;
  };

  const columns: TableProps<PublicEntry>['columns'] = [
    ...(tab === 'registered'
      ? [{ title: t('registry.field.number'), dataIndex: 'registrationNumber', key: 'number', render: (n: string | null, e: PublicEntry) => <span className="lt-mono" data-testid={`public-number-${e.id}`}>{n ?? '—'}</span> }]
      : []),
    { title: t('registry.col.title'), key: 'title', render: (_: unknown, e: PublicEntry) => <span data-testid={`public-title-${e.id}`}>{text(e.title, locale)}</span> },
    { title: t('registry.col.objectKind'), dataIndex: 'objectKind', key: 'objectKind', render: (k: string) => objectKindLabel(t, k) },
    ...(tab === 'registered'
      ? [
          {
            title: t('registry.public.col.assetStatus'),
            key: 'assetStatus',
            render: (_: unknown, e: PublicEntry) => <AssetStatusTag t={t} status={e.assetStatus} disputed={e.disputed} testId={`public-asset-status-${e.id}`} />,
          },
          { title: t('registry.public.col.holder'), key: 'holder', render: (_: unknown, e: PublicEntry) => <span data-testid={`public-holder-${e.id}`}>{e.holder ? text(e.holder.name, locale) : '—'}</span> },
        ]
      : [
          { title: t('registry.col.type'), key: 'type', render: (_: unknown, e: PublicEntry) => <RegistryTypeTag t={t} type={e.type} testId={`public-type-${e.id}`} /> },
          { title: t('registry.col.applicant'), key: 'applicant', render: (_: unknown, e: PublicEntry) => text(e.applicant.name, locale) },
        ]),
    {
      title: t('registry.public.col.scenario'),
      key: 'scenario',
      render: (_: unknown, e: PublicEntry) => (e.scenario ? t('registry.public.scenario', { users: e.scenario.users, purpose: e.scenario.purpose }) : '—'),
    },
    {
      title: t('registry.public.col.rights'),
      key: 'rights',
      render: (_: unknown, e: PublicEntry) => (
        <Space orientation="vertical" size={0}>
          {e.rights.map((r, i) => (
            <span key={`${r.kind}-${i}`} style={{ whiteSpace: 'nowrap' }}>
              {t('registry.public.holder', { right: rightLabel(t, r.kind), holder: text(r.holder.name, locale) })}
            </span>
          ))}
        </Space>
      ),
    },
    tab === 'registered'
      ? { title: t('registry.field.registeredAt'), key: 'at', render: (_: unknown, e: PublicEntry) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(e.registeredAt, locale)}</span> }
      : { title: t('registry.field.publicityUntil'), key: 'at', render: (_: unknown, e: PublicEntry) => <span style={{ whiteSpace: 'nowrap' }} data-testid={`public-until-${e.id}`}>{publicityLastDay(e.publicityUntil) ?? '—'}</span> },
    ...(tab === 'publicity'
      ? [
          {
            title: t('common.actions'),
            key: 'object',
            render: (_: unknown, e: PublicEntry) => (
              <Link to={objectTo(e)} data-testid={`public-object-${e.id}`}>
                {me ? t('registry.public.object') : t('registry.public.objectLogin')}
              </Link>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="public-register" data-tab={tab}>
      <Typography.Title level={3} data-testid="public-register-title">
        {t('registry.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('registry.public.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'registered' ? undefined : key })}
        items={PUBLIC_LISTS.map((l) => ({ key: l, label: <span data-testid={`public-tab-${l}`}>{msg(t, `registry.public.tab.${l}`)}</span> }))}
      />
      <Typography.Paragraph type="secondary">{msg(t, `registry.public.tab.${tab}Intro`)}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search
          key={tab}
          allowClear
          enterButton
          defaultValue={q}
          maxLength={100}
          style={{ width: 'min(420px, 100%)' }}
          placeholder={t('registry.public.search')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="public-search"
        />
        {(!me || access['registry.apply']) && (
          <Button onClick={() => navigate(me ? '/console/registry/new' : `/login?next=${encodeURIComponent('/console/registry/new')}`)} data-testid="public-apply">
            {t('registry.public.apply')}
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<PublicEntry>
        rowKey="id"
        data-testid="public-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={msg(t, `registry.public.tab.${tab}Empty`)} /> }}
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
