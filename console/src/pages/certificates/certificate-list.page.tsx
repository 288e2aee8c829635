/**
 * The certificate wallet (凭证夹): the organisation's data asset certificates by box — held (as the
 * data subject), received (as data user), and for the data bureau issued, for the overseers all —
 * paged on the server, filtered by type and status. The box is in the address (?box=), so a tab
 * survives a reload and can be linked. On the data bureau's "issued" tab, the approved
 * authorizations it may issue a circulation certificate for.
 */
import { Alert, Select, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useListParams } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { PendingIssuePanel } from './certificate-issue.panel';
import { boxesFor, canIssue, CERTIFICATE_STATUSES, CERTIFICATE_TYPES, defaultBox, type Box, type CertificateStatus, type CertificateType } from './certificate.rules';
import { CertificateStatusTag, msg, typeName, validityText, type Certificate } from './certificate.view';

const PAGE_SIZES = ['10', '20', '50', '100'];

export default function CertificateListPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const orgNameOf = useOrgNames(locale);
  const [params, set] = useListParams();
  const boxes = boxesFor(me ?? null);
  const asked = params.get('box') as Box | null;
  const box: Box = asked && boxes.includes(asked) ? asked : defaultBox(me ?? null);
  const type = (CERTIFICATE_TYPES as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as CertificateType) : undefined;
  const status = (CERTIFICATE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as CertificateStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(params.get('pageSize') ?? '') ? Number(params.get('pageSize')) : 20;
  const query = { box, ...(type ? { type } : {}), ...(status ? { status } : {}), page, pageSize };
  const list = useApiResource(`certificates-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/certificates', { params: { query } })));

  const columns: TableProps<Certificate>['columns'] = [
    {
      title: t('certificates.col.number'),
      key: 'number',
      render: (_: unknown, c: Certificate) => (
        <Link to={`/console/certificates/${c.id}`} className="lt-mono" data-testid={`cert-link-${c.id}`}>
          {c.id}
        </Link>
      ),
    },
    { title: t('certificates.col.type'), key: 'type', render: (_: unknown, c: Certificate) => typeName(t, locale, c) },
    { title: t('certificates.col.subject'), dataIndex: 'holderOrgId', key: 'subject', render: (id: string) => orgNameOf(id) },
    { title: t('certificates.col.user'), dataIndex: 'userOrgId', key: 'user', render: (id: string | null) => (id ? orgNameOf(id) : '—') },
    { title: t('certificates.col.issuer'), dataIndex: 'issuerOrgId', key: 'issuer', render: (id: string) => orgNameOf(id) },
    { title: t('certificates.col.validity'), key: 'validity', render: (_: unknown, c: Certificate) => <span style={{ whiteSpace: 'nowrap' }}>{validityText(t, locale, c.validFrom, c.validUntil)}</span> },
    { title: t('certificates.col.status'), dataIndex: 'status', key: 'status', render: (s: string, c: Certificate) => <CertificateStatusTag t={t} status={s} testId={`cert-status-${c.id}`} /> },
    { title: t('certificates.col.issuedAt'), dataIndex: 'issuedAt', key: 'issuedAt', render: (v: string) => formatTime(v, locale) },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="certificates-title">
          {t('certificates.wallet.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('certificates.wallet.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={box}
        onChange={(key) => set({ box: key, type: undefined, status: undefined })}
        items={boxes.map((b) => ({ key: b, label: <span data-testid={`cert-box-${b}`}>{msg(t, `certificates.box.${b}`)}</span> }))}
        data-testid="cert-boxes"
      />
      <Typography.Paragraph type="secondary" data-testid="cert-box-intro" data-box={box}>
        {msg(t, `certificates.box.${box}Intro`)}
      </Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<CertificateType>
          allowClear
          placeholder={t('certificates.filter.type')}
          style={{ minWidth: 200, maxWidth: '100%' }}
          value={type}
          onChange={(v) => set({ type: v })}
          options={CERTIFICATE_TYPES.map((v) => ({ value: v, label: msg(t, `certificates.type.${v}`) }))}
          data-testid="cert-filter-type"
        />
        <Select<CertificateStatus>
          allowClear
          placeholder={t('certificates.filter.status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={(v) => set({ status: v })}
          options={CERTIFICATE_STATUSES.map((v) => ({ value: v, label: msg(t, `certificates.status.${v}`) }))}
          data-testid="cert-filter-status"
        />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} data-testid="certificates-error" />}
      <Table<Certificate>
        rowKey="id"
        data-testid="cert-table"
        data-box={box}
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('certificates.empty') }}
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
      {box === 'issued' && canIssue(me ?? null) && (
        <div style={{ marginTop: 24 }}>
          <PendingIssuePanel orgNameOf={orgNameOf} />
        </div>
      )}
    </div>
  );
}
