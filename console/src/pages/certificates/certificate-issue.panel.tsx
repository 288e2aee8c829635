/**
 * Issuing (签发) for the data bureau: the public data asset circulation certificate of an approved
 * data-subject authorization (POST /api/v1/certificates/circulation). Offered in two places — the
 * approved authorizations on the wallet's "issued" tab, and the authorization's own page — each
 * showing the certificate in force instead when there is one. The certificates list has no filter by
 * authorization, so the console reads the certificates in force (active, suspended; a bounded
 * number) to tell; the server refuses a second one anyway (CERTIFICATES_ALREADY_ISSUED, with the
 * certificate's id, shown with a link).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { holderId, itemNames, purposeLabel, type Consent } from '../space/space.view';
import { canIssue } from './certificate.rules';

const SCAN_PAGE_SIZE = 200;
const SCAN_PAGES = 5;

/** Certificates in force by the authorization they rest on (consent id → certificate id), and whether the scan stopped short. */
async function liveCertificates(): Promise<{ byConsent: Map<string, string>; truncated: boolean }> {
  const byConsent = new Map<string, string>();
  let truncated = false;
  for (const status of ['active', 'suspended'] as const) {
    for (let page = 1; ; page++) {
      const out = await unwrap(api.GET('/api/v1/certificates', { params: { query: { box: 'all', type: 'circulation', status, page, pageSize: SCAN_PAGE_SIZE } } }));
      for (const c of out.items) if (c.source.kind === 'consent') byConsent.set(c.source.id, c.id);
      if (page * SCAN_PAGE_SIZE >= out.total) break;
      if (page >= SCAN_PAGES) {
        truncated = true;
        break;
      }
    }
  }
  return { byConsent, truncated };
}

const certificateLink = (id: string) => (
  <Link to={`/console/certificates/${id}`} className="lt-mono" data-testid={`cert-live-${id}`}>
    {id}
  </Link>
);

/** The bureau issues, after confirming; opens the new certificate. A refusal is shown in place (with the existing certificate's link). */
function IssueButton({ consentId, size = 'middle' }: { consentId: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; existing: string | null } | null>(null);
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await unwrap(api.POST('/api/v1/certificates/circulation', { body: { consentId } }));
      message.success(t('certificates.issue.done', { id: c.id }));
      navigate(`/console/certificates/${c.id}`);
    } catch (err) {
      const details = err instanceof ApiError ? (err.body?.details as { certificateId?: unknown } | undefined) : undefined;
      setError({ text: errorMessage(err, t), existing: err instanceof ApiError && err.code === 'CERTIFICATES_ALREADY_ISSUED' && typeof details?.certificateId === 'string' ? details.certificateId : null });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
      <Popconfirm
        title={t('certificates.issue.confirm')}
        description={<div style={{ maxWidth: 320 }}>{t('certificates.issue.confirmText')}</div>}
        okText={t('certificates.issue.action')}
        okButtonProps={{ 'data-testid': 'cert-issue-ok' } as Record<string, string>}
        cancelText={t('common.cancel')}
        onConfirm={issue}
      >
        <Button type="primary" size={size} icon={<SafetyCertificateOutlined />} loading={busy} data-testid={`cert-issue-${consentId}`}>
          {t('certificates.issue.action')}
        </Button>
      </Popconfirm>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.text}
          description={error.existing ? <span>{t('certificates.issue.already')} {certificateLink(error.existing)}</span> : undefined}
          data-testid="cert-issue-error"
        />
      )}
    </Space>
  );
}

/** The approved authorizations (the bureau sees all, box=all), paged on the server, each with its certificate in force or the issue action. */
export function PendingIssuePanel({ orgNameOf }: { orgNameOf(id: string): string }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState({ page: 1, pageSize: 10 });
  const consents = useApiResource(`cert-approved-consents-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/authorization/consents', { params: { query: { box: 'all', status: 'approved', ...query } } })),
  );
  const live = useApiResource(`cert-live-${consents.data ? consents.data.items.map((c) => c.id).join(',') : ''}`, liveCertificates);
  const columns: TableProps<Consent>['columns'] = [
    {
      title: t('certificates.pending.col.authorization'),
      key: 'items',
      render: (_: unknown, c: Consent) => (
        <Link to={`/console/space/authorizations/${c.id}`} data-testid={`cert-consent-link-${c.id}`}>
          {itemNames(c, locale)}
        </Link>
      ),
    },
    {
      title: t('certificates.pending.col.holder'),
      key: 'holder',
      render: (_: unknown, c: Consent) => (
        <span>
          {orgNameOf(c.holderOrgId)}
          <br />
          <Typography.Text type="secondary" className="lt-mono">
            {holderId(c)}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('certificates.pending.col.requester'), dataIndex: 'requesterOrgId', key: 'requester', render: (id: string) => orgNameOf(id) },
    { title: t('certificates.pending.col.purpose'), key: 'purpose', render: (_: unknown, c: Consent) => purposeLabel(t, c.purpose) },
    { title: t('certificates.pending.col.validUntil'), dataIndex: 'validUntil', key: 'validUntil', render: (v: string) => formatTime(v, locale, false) },
    {
      title: t('certificates.pending.col.certificate'),
      key: 'certificate',
      render: (_: unknown, c: Consent) => {
        if (!live.data) return '—';
        const id = live.data.byConsent.get(c.id);
        return <div data-testid={`cert-pending-${c.id}`}>{id ? certificateLink(id) : <IssueButton consentId={c.id} size="small" />}</div>;
      },
    },
  ];
  return (
    <Card title={t('certificates.pending.title')} data-testid="cert-pending">
      <Typography.Paragraph type="secondary">{t('certificates.pending.intro')}</Typography.Paragraph>
      {(consents.error || live.error) && <Alert type="error" showIcon title={consents.error ?? live.error} style={{ marginBottom: 12 }} />}
      {live.data?.truncated && <Alert type="info" showIcon title={t('certificates.pending.scanLimit', { count: SCAN_PAGE_SIZE * SCAN_PAGES })} style={{ marginBottom: 12 }} />}
      <Table<Consent>
        rowKey="id"
        size="small"
        data-testid="cert-pending-table"
        loading={consents.loading || live.loading}
        columns={columns}
        dataSource={consents.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('certificates.pending.empty') }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: consents.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (page, pageSize) => setQuery({ page, pageSize }),
        }}
      />
    </Card>
  );
}

/** On an approved authorization's page, for the data bureau: its certificate in force, or the issue action. */
export function ConsentCertificatePanel({ consent }: { consent: Consent }) {
  const { t } = useI18n();
  const { me } = useSession();
  const show = canIssue(me ?? null) && consent.status === 'approved';
  const live = useApiResource(`cert-live-consent-${consent.id}-${show}`, async () => (show ? liveCertificates() : null));
  if (!show) return null;
  const id = live.data?.byConsent.get(consent.id);
  return (
    <Card title={t('certificates.consent.title')} data-testid="consent-certificate">
      {live.error && <Alert type="error" showIcon title={live.error} style={{ marginBottom: 12 }} />}
      {live.loading && !live.data ? null : id ? (
        <Space wrap>
          <Typography.Text>{t('certificates.consent.live')}</Typography.Text>
          {certificateLink(id)}
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('certificates.consent.none')}</Typography.Text>
          <IssueButton consentId={consent.id} />
        </Space>
      )}
    </Card>
  );
}
