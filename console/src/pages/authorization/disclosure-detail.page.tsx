import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { label, orgName } from '../../format/labels';
import { Digest, feeText, kindLabel, modeLabel, msg, roleLabel, termText, type DisclosureReport } from './authorization.view';

type ReportAgreement = DisclosureReport['agreements'][number];
type ReportProduct = NonNullable<DisclosureReport['products']>[number];

/**
 * One published disclosure report (public): the entity, its agreements in the year (counterparty,
 * mode, scenarios, term, fee cap, resources) and, for an operator, its products; the digest and
 * revision, and the report for download as JSON and CSV.
 */
export default function DisclosureDetailPage() {
  const { disclosureId = '' } = useParams();
  const { t, locale } = useI18n();
  const res = useApiResource(`public-disclosure-${disclosureId}`, () => unwrap(api.GET('/api/v1/public/authorization/disclosures/{disclosureId}', { params: { path: { disclosureId } } })));
  const d = res.data;
  if (res.loading && !d) return <Skeleton active />;
  if (!d) return <Alert type="error" showIcon message={res.error} data-testid="disclosure-load-error" />;
  const report = d.report as unknown as DisclosureReport;
  const json = `/api/v1/public/authorization/disclosures/${d.id}`;

  const agreementColumns: TableProps<ReportAgreement>['columns'] = [
    { title: t('authorization.report.counterparty'), key: 'counterparty', render: (_: unknown, a: ReportAgreement) => orgName(a.counterparty.name, locale) },
    { title: t('authorization.col.mode'), dataIndex: 'mode', key: 'mode', render: (m: string) => modeLabel(t, m) },
    {
      title: t('authorization.report.domainScenarios'),
      key: 'scenarios',
      render: (_: unknown, a: ReportAgreement) => [a.domain, ...a.scenarios].filter(Boolean).join('；') || '—',
    },
    { title: t('authorization.col.term'), key: 'term', render: (_: unknown, a: ReportAgreement) => <span style={{ whiteSpace: 'nowrap' }}>{termText(a)}</span> },
    { title: t('authorization.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => msg(t, `authorization.status.${s}`) },
    { title: t('authorization.col.feeCap'), dataIndex: 'feeCap', key: 'feeCap', render: (f: ReportAgreement['feeCap']) => feeText(t, f) },
    {
      title: t('authorization.report.resources'),
      key: 'resources',
      render: (_: unknown, a: ReportAgreement) => (
        <Space direction="vertical" size={2}>
          {a.resources.map((r) => (
            <span key={r.resourceId}>
              {orgName(r.title, locale)} <span className="lt-mono">({r.fields.join(', ')})</span>
            </span>
          ))}
        </Space>
      ),
    },
  ];
  const productColumns: TableProps<ReportProduct>['columns'] = [
    { title: t('authorization.product.col.name'), key: 'name', render: (_: unknown, p: ReportProduct) => orgName(p.name, locale) },
    { title: t('authorization.product.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => kindLabel(t, k) },
    { title: t('authorization.product.col.scenario'), dataIndex: 'scenario', key: 'scenario' },
    { title: t('authorization.product.col.fee'), dataIndex: 'fee', key: 'fee', render: (f: ReportProduct['fee']) => feeText(t, f) },
    { title: t('authorization.product.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => msg(t, `authorization.product.status.${s}`) },
    { title: t('authorization.product.col.declaredAt'), dataIndex: 'declaredAt', key: 'declaredAt', render: (v: string) => formatTime(v, locale) },
  ];

  return (
    <div data-testid="disclosure-report">
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="disclosure-title">
            {t('authorization.report.title', { org: orgName(d.orgName, locale), year: d.year })}
          </Typography.Title>
          <Tag color="blue">{roleLabel(t, d.role)}</Tag>
          <Tag>{t('authorization.report.revisionN', { revision: d.revision })}</Tag>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={json} download={`disclosure-${d.year}-${d.role}-${d.orgId}.json`} data-testid="disclosure-download-json">
            {t('authorization.report.downloadJson')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`${json}/csv`} data-testid="disclosure-download-csv">
            {t('authorization.report.downloadCsv')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph>
        <Link to="/disclosures">{t('authorization.report.back')}</Link>
      </Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('authorization.report.entity')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="disclosure-entity">
            <Descriptions.Item label={t('authorization.disclosure.col.org')}>{orgName(report.entity.name, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.report.uscc')}>
              <span className="lt-mono">{report.entity.uscc ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.report.orgType')}>{label(t, 'orgType', report.entity.type)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.role')}>{roleLabel(t, d.role)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.year')}>{d.year}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.col.revision')}>{d.revision}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.col.publishedAt')}>{formatTime(d.publishedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.col.counts')}>{t('authorization.disclosure.counts', { agreements: d.agreements, products: d.products })}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.disclosure.col.digest')} span={2}>
              <Digest value={d.digest} testId="disclosure-digest" />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('authorization.report.digestNote')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('authorization.report.agreements')}>
          <Table<ReportAgreement> rowKey="id" size="small" data-testid="disclosure-agreements" columns={agreementColumns} dataSource={report.agreements} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        {d.role === 'operator' && (
          <Card title={t('authorization.report.products')}>
            <Table<ReportProduct> rowKey="id" size="small" data-testid="disclosure-products" columns={productColumns} dataSource={report.products ?? []} pagination={false} scroll={{ x: 'max-content' }} />
          </Card>
        )}
      </Space>
    </div>
  );
}
