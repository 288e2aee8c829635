import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { PARTY_ROLES, pastYears, type PartyRole } from './agreement.rules';
import { Digest, roleLabel, shortDigest, type Disclosure, type DisclosureSummary, type Missing } from './authorization.view';

/**
 * Annual disclosure of authorized operation (授权运营年度信息披露): implementing bodies and operators
 * publish the report of a year that has ended (due by 31 March) and see their published reports;
 * the data bureau and the regulator see who has not disclosed.
 */
export default function DisclosurePage() {
  const { t } = useI18n();
  const { me, access } = useSession();
  const [round, setRound] = useState(0);
  const roles = PARTY_ROLES.filter((r) => me?.orgRoles.includes(r));
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('authorization.disclosure.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('authorization.disclosure.intro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {access['authorization.disclose'] && roles.length > 0 && <PublishCard t={t} roles={roles} onPublished={() => setRound((r) => r + 1)} />}
        {roles.length > 0 && me && <OwnReports t={t} orgId={me.orgId} round={round} />}
        {access['authorization.oversee'] && <MissingCard t={t} />}
      </Space>
    </div>
  );
}

function PublishCard({ t, roles, onPublished }: { t: Translate; roles: PartyRole[]; onPublished(): void }) {
  const { message } = App.useApp();
  const years = pastYears();
  const [form] = Form.useForm<{ year: number; role: PartyRole }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Disclosure | null>(null);
  const publish = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const d = await unwrap(api.POST('/api/v1/authorization/disclosures', { body: { year: v.year, role: v.role } }));
      setDone(d);
      message.success(t('authorization.disclosure.published', { year: d.year, revision: d.revision }));
      onPublished();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('authorization.disclosure.publishTitle')} data-testid="disclosure-publish">
      <Typography.Paragraph type="secondary">{t('authorization.disclosure.publishIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="disclosure-error" />}
      <Form form={form} layout="vertical" initialValues={{ year: years[0], role: roles[0] }}>
        <Row gutter={16} align="bottom">
          <Col xs={24} sm={8} md={6}>
            <Form.Item name="year" label={t('authorization.disclosure.year')} rules={[{ required: true }]}>
              <Select data-testid="disclosure-year" options={years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10} md={8}>
            <Form.Item name="role" label={t('authorization.disclosure.role')} rules={[{ required: true }]}>
              <Select data-testid="disclosure-role" options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6} md={6}>
            <Form.Item label=" " colon={false}>
              <Popconfirm title={t('authorization.confirm.publish')} okText={t('authorization.action.publish')} cancelText={t('common.cancel')} onConfirm={publish}>
                <Button type="primary" loading={busy} data-testid="disclosure-submit">
                  {t('authorization.action.publish')}
                </Button>
              </Popconfirm>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="disclosure-result"
          message={t('authorization.disclosure.published', { year: done.year, revision: done.revision })}
          description={
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('authorization.disclosure.col.revision')}>{done.revision}</Descriptions.Item>
              <Descriptions.Item label={t('authorization.disclosure.col.digest')}>
                <Digest value={done.digest} testId="disclosure-result-digest" />
              </Descriptions.Item>
              <Descriptions.Item label={t('authorization.disclosure.col.counts')}>{t('authorization.disclosure.counts', { agreements: done.agreements, products: done.products })}</Descriptions.Item>
              <Descriptions.Item label={t('authorization.disclosure.portalLink')}>
                <Link to={`/disclosures/${done.id}`}>{t('common.view')}</Link>
              </Descriptions.Item>
            </Descriptions>
          }
        />
      )}
    </Card>
  );
}

function OwnReports({ t, orgId, round }: { t: Translate; orgId: string; round: number }) {
  const { locale } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useApiResource(`disclosures-own-${orgId}-${round}-${JSON.stringify(paging)}`, () =>
    unwrap(api.GET('/api/v1/public/authorization/disclosures', { params: { query: { orgId, page: paging.page, pageSize: paging.pageSize } } })),
  );
  const columns: TableProps<DisclosureSummary>['columns'] = [
    { title: t('authorization.disclosure.year'), dataIndex: 'year', key: 'year' },
    { title: t('authorization.disclosure.role'), dataIndex: 'role', key: 'role', render: (r: string) => roleLabel(t, r) },
    { title: t('authorization.disclosure.col.revision'), dataIndex: 'revision', key: 'revision' },
    { title: t('authorization.disclosure.col.counts'), key: 'counts', render: (_: unknown, d: DisclosureSummary) => t('authorization.disclosure.counts', { agreements: d.agreements, products: d.products }) },
    { title: t('authorization.disclosure.col.digest'), dataIndex: 'digest', key: 'digest', render: (v: string) => <span className="lt-mono">{shortDigest(v)}</span> },
    { title: t('authorization.disclosure.col.publishedAt'), dataIndex: 'publishedAt', key: 'publishedAt', render: (v: string) => formatTime(v, locale) },
    { title: t('common.actions'), key: 'view', render: (_: unknown, d: DisclosureSummary) => <Link to={`/disclosures/${d.id}`}>{t('common.view')}</Link> },
  ];
  return (
    <Card title={t('authorization.disclosure.ownTitle')}>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<DisclosureSummary>
        rowKey="id"
        size="small"
        data-testid="disclosure-own"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
    </Card>
  );
}

type MissingItem = Missing['items'][number];

function MissingCard({ t }: { t: Translate }) {
  const { locale } = useI18n();
  const years = pastYears();
  const [year, setYear] = useState(years[0]!);
  const missing = useApiResource(`disclosures-missing-${year}`, () => unwrap(api.GET('/api/v1/authorization/disclosures/missing', { params: { query: { year } } })));
  const m = missing.data;
  const due = m && (
    <Space size={4} wrap>
      <span>{m.dueDate}</span>
      {m.pastDue && (
        <Tag color="red" data-testid="missing-past-due">
          {t('authorization.disclosure.pastDue')}
        </Tag>
      )}
    </Space>
  );
  const columns: TableProps<MissingItem>['columns'] = [
    { title: t('authorization.disclosure.col.org'), key: 'org', render: (_: unknown, i: MissingItem) => orgName(i.orgName, locale) },
    { title: t('authorization.disclosure.role'), dataIndex: 'role', key: 'role', render: (r: string) => roleLabel(t, r) },
    { title: t('authorization.disclosure.col.dueDate'), key: 'due', render: () => due },
  ];
  return (
    <Card
      title={t('authorization.disclosure.missingTitle')}
      data-testid="disclosure-missing"
      extra={<Select<number> value={year} onChange={setYear} style={{ width: 110 }} aria-label={t('authorization.disclosure.year')} data-testid="missing-year" options={years.map((y) => ({ value: y, label: String(y) }))} />}
    >
      <Typography.Paragraph type="secondary">{t('authorization.disclosure.missingIntro')}</Typography.Paragraph>
      {m && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="missing-due">
          <span>{t('authorization.disclosure.dueOn', { year: m.year })}</span>
          {due}
        </Space>
      )}
      {missing.error && <Alert type="error" showIcon message={missing.error} style={{ marginBottom: 16 }} />}
      <Table<MissingItem>
        rowKey={(i) => `${i.role}:${i.orgId}`}
        size="small"
        data-testid="missing-table"
        loading={missing.loading}
        columns={columns}
        dataSource={m?.items ?? []}
        locale={{ emptyText: t('authorization.disclosure.noneMissing') }}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
    </Card>
  );
}
