/**
 * One data asset certificate (凭证详情), for its holder, its data user, its issuer and the overseers:
 * what the credential states, in words (certificate.view.tsx CredentialDetails); the platform's
 * verification of it, check by check (the public API, as anyone would see it); the uses its data
 * user recorded (a loan decision, with its amount); the vc+jwt itself to copy and the offline
 * verification bundle to download; and the steps the caller may take — the data user records a
 * use, the issuer suspends, reinstates or revokes with a reason.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Form, Input, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { DownloadOutlined, EditOutlined, ReloadOutlined, SafetyCertificateOutlined, VerifiedOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { formatFen, yuanToFen } from '../../format/money.format';
import { useOrgNames } from '../catalog/resource.view';
import { TextModal } from '../authorization/authorization.view';
import { bundleFileName, certificateActions, sideOf } from './certificate.rules';
import { CertificateStatusTag, CredentialDetails, msg, typeName, verifyCertificate, VerificationView, type Certificate, type CertificateUse, type Verification } from './certificate.view';

export default function CertificateDetailPage() {
  const { certificateId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const res = useApiResource(`certificate-${certificateId}`, () => unwrap(api.GET('/api/v1/certificates/{certificateId}', { params: { path: { certificateId } } })));
  const [current, setCurrent] = useState<Certificate | null>(null);
  const [round, setRound] = useState(0);
  const [dialog, setDialog] = useState<'suspend' | 'revoke' | 'use' | null>(null);
  const [busy, setBusy] = useState<'reinstate' | 'bundle' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);
  // The answer of the last step shows until the reload it started brings the certificate anew.
  useEffect(() => {
    if (!res.loading) setCurrent(null);
  }, [res.loading]);

  const loaded = res.data && res.data.id === certificateId ? res.data : undefined;
  const c = current && current.id === certificateId ? current : loaded;
  if (res.loading && !c) return <Skeleton active />;
  if (!c) return <Alert type="error" showIcon title={res.error} data-testid="cert-load-error" />;
  const can = certificateActions(me ?? null, c);
  const side = sideOf(me ?? null, c);
  const path = { params: { path: { certificateId: c.id } } };

  /** After a step: the server's answer at once, then a reload and a fresh verification. */
  const changed = (next: Certificate) => {
    setCurrent(next);
    setRound((r) => r + 1);
    res.reload();
  };
  const reinstate = async () => {
    setBusy('reinstate');
    setError(null);
    try {
      changed(await unwrap(api.POST('/api/v1/certificates/{certificateId}/reinstate', path)));
      message.success(t('certificates.done.reinstate'));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const downloadBundle = async () => {
    setBusy('bundle');
    setError(null);
    try {
      const bundle = await unwrap(api.GET('/api/v1/certificates/{certificateId}/bundle', path));
      const href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
      urls.current.push(href);
      const a = document.createElement('a');
      a.href = href;
      a.download = bundleFileName(c.id);
      document.body.appendChild(a);
      a.click();
      a.remove();
      message.success(t('certificates.bundle.downloaded'));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const platformRows: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('certificates.field.status'),
      children: (
        <Space orientation="vertical" size={2}>
          <CertificateStatusTag t={t} status={c.status} testId="cert-detail-status" />
          {c.endedAt && <Typography.Text type="secondary">{t('certificates.detail.ended', { at: formatTime(c.endedAt, locale) })}</Typography.Text>}
        </Space>
      ),
    },
    ...(c.reason ? [{ key: 'reason', label: t('certificates.field.reason'), children: <span data-testid="cert-detail-reason">{c.reason}</span> }] : []),
    { key: 'issuedAt', label: t('certificates.field.issuedAt'), children: formatTime(c.issuedAt, locale) },
  ];

  return (
    <div data-testid="cert-detail" data-id={c.id} data-status={c.status}>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="cert-title" style={{ margin: 0 }}>
            {typeName(t, locale, c)}
          </Typography.Title>
          <CertificateStatusTag t={t} status={c.status} testId="cert-title-status" />
          <Tag data-testid="cert-side" data-side={side}>
            {msg(t, `certificates.side.${side}`)}
          </Tag>
        </Space>
        <Space wrap size={[8, 8]} data-testid="cert-actions">
          <Button icon={<ReloadOutlined />} onClick={() => changed(c)} data-testid="cert-reload">
            {t('certificates.detail.reload')}
          </Button>
          {can.apply && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('use')} data-testid="cert-use-record">
              {t('certificates.uses.record')}
            </Button>
          )}
          {can.suspend && (
            <Button onClick={() => setDialog('suspend')} data-testid="cert-suspend">
              {t('certificates.action.suspend')}
            </Button>
          )}
          {can.reinstate && (
            <Popconfirm
              title={t('certificates.confirm.reinstate')}
              description={<div style={{ maxWidth: 320 }}>{t('certificates.confirm.reinstateText')}</div>}
              okText={t('certificates.action.reinstate')}
              okButtonProps={{ 'data-testid': 'cert-reinstate-ok' } as Record<string, string>}
              cancelText={t('common.cancel')}
              onConfirm={reinstate}
            >
              <Button loading={busy === 'reinstate'} data-testid="cert-reinstate">
                {t('certificates.action.reinstate')}
              </Button>
            </Popconfirm>
          )}
          {can.revoke && (
            <Button danger onClick={() => setDialog('revoke')} data-testid="cert-revoke">
              {t('certificates.action.revoke')}
            </Button>
          )}
        </Space>
      </div>
      {res.error && <Alert type="error" showIcon title={res.error} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} data-testid="cert-action-error" onClose={() => setError(null)} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('certificates.detail.content')}>
          <CredentialDetails credential={c.credential} nameOf={orgNameOf} linkAuthorization extra={platformRows} />
        </Card>
        <VerificationCard jwt={c.jwt} round={round} />
        <UsesCard certificate={c} orgNameOf={orgNameOf} round={round} />
        <Card title={t('certificates.jwt.title')} data-testid="cert-jwt-card">
          <Typography.Paragraph type="secondary">{t('certificates.jwt.intro')}</Typography.Paragraph>
          <Typography.Paragraph className="lt-mono" copyable={{ text: c.jwt }} style={{ fontSize: 12, maxHeight: 160, overflow: 'auto' }} data-testid="cert-jwt">
            {c.jwt}
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={busy === 'bundle'} onClick={() => void downloadBundle()} data-testid="cert-bundle">
              {t('certificates.bundle.download')}
            </Button>
            <Button icon={<VerifiedOutlined />} onClick={() => navigate('/verify/certificate', { state: { credential: c.jwt } })} data-testid="cert-open-verifier">
              {t('certificates.openVerifier')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('certificates.bundle.note')}
          </Typography.Paragraph>
          <Collapse
            ghost
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'json',
                label: t('certificates.detail.json'),
                children: (
                  <pre className="lt-mono" style={{ fontSize: 12, margin: 0 }} data-testid="cert-json">
                    {JSON.stringify(c.credential, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </Card>
        <Link to="/console/certificates" data-testid="cert-back">
          {t('certificates.detail.back')}
        </Link>
      </Space>
      {(dialog === 'suspend' || dialog === 'revoke') && (
        <TextModal
          title={t(dialog === 'suspend' ? 'certificates.dialog.suspend' : 'certificates.dialog.revoke')}
          label={t('certificates.dialog.reason')}
          intro={t(dialog === 'suspend' ? 'certificates.dialog.suspendIntro' : 'certificates.dialog.revokeIntro')}
          required
          testId={`cert-${dialog}-reason`}
          onClose={() => setDialog(null)}
          onSend={async (reason) => {
            const body = { reason: (reason ?? '').slice(0, 500) };
            const next = await unwrap(
              dialog === 'suspend' ? api.POST('/api/v1/certificates/{certificateId}/suspend', { ...path, body }) : api.POST('/api/v1/certificates/{certificateId}/revoke', { ...path, body }),
            );
            message.success(t(dialog === 'suspend' ? 'certificates.done.suspend' : 'certificates.done.revoke'));
            setDialog(null);
            changed(next);
          }}
        />
      )}
      {dialog === 'use' && (
        <UseModal
          certificateId={c.id}
          onClose={(recorded) => {
            setDialog(null);
            if (recorded) setRound((r) => r + 1);
          }}
        />
      )}
    </div>
  );
}

/** The platform's verdict on the certificate (the public verify API), run on opening and after every change. */
function VerificationCard({ jwt, round }: { jwt: string; round: number }) {
  const { t } = useI18n();
  const [again, setAgain] = useState(0);
  const check = useApiResource<Verification>(`cert-verify-${jwt.length}-${jwt.slice(-16)}-${round}-${again}`, () => verifyCertificate(jwt));
  return (
    <Card
      title={t('certificates.verification.title')}
      data-testid="cert-verification"
      extra={
        <Button size="small" icon={<SafetyCertificateOutlined />} loading={check.loading} onClick={() => setAgain((n) => n + 1)} data-testid="cert-verify-again">
          {t('certificates.verification.again')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('certificates.verification.note')}</Typography.Paragraph>
      {check.error && <Alert type="error" showIcon title={check.error} data-testid="cert-verify-error" />}
      {check.loading && !check.data ? <Skeleton active /> : check.data && <VerificationView result={check.data} />}
    </Card>
  );
}

function UsesCard({ certificate: c, orgNameOf, round }: { certificate: Certificate; orgNameOf(id: string): string; round: number }) {
  const { t, locale } = useI18n();
  const uses = useApiResource(`cert-uses-${c.id}-${round}`, () => unwrap(api.GET('/api/v1/certificates/{certificateId}/uses', { params: { path: { certificateId: c.id } } })));
  const columns: TableProps<CertificateUse>['columns'] = [
    { title: t('certificates.uses.col.verifier'), dataIndex: 'verifierOrgId', key: 'verifier', render: (id: string) => <span data-testid="cert-use-verifier">{orgNameOf(id)}</span> },
    { title: t('certificates.uses.col.note'), dataIndex: 'note', key: 'note', render: (n: string) => <span style={{ whiteSpace: 'pre-wrap' }} data-testid="cert-use-note">{n}</span> },
    {
      title: t('certificates.uses.col.amount'),
      dataIndex: 'amountFen',
      key: 'amount',
      align: 'right',
      render: (fen: string | null) => (
        <span className="lt-mono" style={{ whiteSpace: 'nowrap' }} data-testid="cert-use-amount" data-fen={fen ?? ''}>
          {formatFen(fen)}
        </span>
      ),
    },
    { title: t('certificates.uses.col.usedAt'), dataIndex: 'usedAt', key: 'usedAt', render: (v: string) => formatTime(v, locale) },
  ];
  return (
    <Card title={t('certificates.uses.title')} data-testid="cert-uses" data-count={uses.data ? uses.data.items.length : undefined}>
      <Typography.Paragraph type="secondary">{t('certificates.uses.intro')}</Typography.Paragraph>
      {uses.error && <Alert type="error" showIcon title={uses.error} style={{ marginBottom: 12 }} />}
      <Table<CertificateUse>
        rowKey="id"
        size="small"
        data-testid="cert-uses-table"
        loading={uses.loading}
        columns={columns}
        dataSource={uses.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('certificates.uses.empty') }}
      />
    </Card>
  );
}

interface UseForm {
  note: string;
  amount?: string;
}

/** The data user records a use: a note, and an amount in yuan taken to the fen exactly (no floating point). */
function UseModal({ certificateId, onClose }: { certificateId: string; onClose(recorded: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UseForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('certificates.uses.dialog')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('certificates.uses.dialogIntro')}</Typography.Paragraph>
      <Form<UseForm>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const amount = v.amount?.trim() ? yuanToFen(v.amount) : null;
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/certificates/{certificateId}/uses', { params: { path: { certificateId } }, body: { note: v.note.trim(), ...(amount !== null ? { amountFen: amount } : {}) } }));
            message.success(t('certificates.uses.done'));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="note" label={t('certificates.uses.note')} rules={[{ required: true, whitespace: true, max: 500, message: t('certificates.uses.noteRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} data-testid="cert-use-note-input" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('certificates.uses.amount')}
          extra={t('certificates.uses.amountHint')}
          rules={[{ validator: async (_, value?: string) => (!value?.trim() || yuanToFen(value) !== null ? undefined : Promise.reject(new Error(t('certificates.uses.amountInvalid')))) }]}
        >
          <Input inputMode="decimal" prefix="¥" maxLength={24} data-testid="cert-use-amount-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

