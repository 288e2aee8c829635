/**
 * One membership: what was applied for, its contact and statement, its qualification files (the
 * applicant attaches them while the application is open; everyone who may see the membership
 * downloads them, each with its SHA-256), and the steps the viewer may take — the exchange
 * approves, rejects, suspends, reinstates or terminates (with a reason where one is required), the
 * applicant withdraws.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { memberActions } from '../../access';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { download, toBase64 } from '../../format/file.transfer';
import { actionLabel, kindLabel, MemberStatusTag, ReasonModal, serviceLabel } from './exchange.view';

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'terminate';
const NEEDS_REASON: Decision[] = ['reject', 'suspend', 'terminate'];
const MEDIA: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

export default function MemberDetailPage() {
  const { memberId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const res = useApiResource(`exchange-member-${memberId}-${round}`, () => unwrap(api.GET('/api/v1/exchange/members/{memberId}', { params: { path: { memberId } } })));
  const m = res.data;
  if (res.loading && !m) return <Skeleton active />;
  if (!m) return <Alert type="error" showIcon title={res.error ?? t('exchange.member.notFound')} />;
  const can = memberActions(me ?? null, m);
  const reload = () => setRound((r) => r + 1);

  const decide = async (action: Decision | 'withdraw', reason?: string) => {
    if (action === 'withdraw') await unwrap(api.POST('/api/v1/exchange/members/{memberId}/withdraw', { params: { path: { memberId } } }));
    else await unwrap(api.POST('/api/v1/exchange/members/{memberId}/{action}', { params: { path: { memberId, action } }, body: reason ? { reason } : {} }));
    message.success(t('exchange.member.done', { action: actionLabel(t, action) }));
    setAsking(null);
    reload();
  };
  const now = async (action: Decision | 'withdraw') => {
    setBusy(action);
    setError(null);
    try {
      await decide(action);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const attach = async (file: File) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    const mediaType = file.type || MEDIA[ext] || 'application/octet-stream';
    setBusy('attach');
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/exchange/members/{memberId}/files', { params: { path: { memberId } }, body: { name: file.name, mediaType, contentBase64: toBase64(await file.arrayBuffer()) } }));
      message.success(t('exchange.files.added'));
      reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const fetchFile = async (f: { id: string; name: string }) => {
    try {
      const { data: blob } = await api.GET('/api/v1/exchange/members/{memberId}/files/{fileId}', { params: { path: { memberId, fileId: f.id } }, parseAs: 'blob' });
      download(blob as unknown as Blob, f.name);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  const button = (action: Decision, danger = false, primary = false) =>
    NEEDS_REASON.includes(action) ? (
      <Button key={action} danger={danger} onClick={() => setAsking(action)} data-testid={`member-${action}`}>
        {actionLabel(t, action)}
      </Button>
    ) : (
      <Popconfirm key={action} title={t('exchange.member.confirm', { action: actionLabel(t, action) })} okText={actionLabel(t, action)} cancelText={t('common.cancel')} onConfirm={() => now(action)}>
        <Button type={primary ? 'primary' : 'default'} loading={busy === action} data-testid={`member-${action}`}>
          {actionLabel(t, action)}
        </Button>
      </Popconfirm>
    );

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="member-title">
          {orgName(m.orgName, locale)} · {kindLabel(t, m.kind)}
        </Typography.Title>
        <Space wrap data-testid="member-actions">
          {can.approve && button('approve', false, true)}
          {can.reject && button('reject', true)}
          {can.suspend && button('suspend', true)}
          {can.reinstate && button('reinstate')}
          {can.terminate && button('terminate', true)}
          {can.withdraw && (
            <Popconfirm title={t('exchange.member.confirm', { action: actionLabel(t, 'withdraw') })} okText={actionLabel(t, 'withdraw')} cancelText={t('common.cancel')} onConfirm={() => now('withdraw')}>
              <Button loading={busy === 'withdraw'} data-testid="member-withdraw">
                {actionLabel(t, 'withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="member-error" />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="member-detail" data-status={m.status}>
          <Descriptions.Item label={t('exchange.col.status')}>
            <MemberStatusTag status={m.status} testId="member-status" />
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.col.kind')}>{kindLabel(t, m.kind)}</Descriptions.Item>
          {m.services.length > 0 && <Descriptions.Item label={t('exchange.col.services')}>{m.services.map((s) => serviceLabel(t, s)).join('、')}</Descriptions.Item>}
          <Descriptions.Item label={t('exchange.contact.name')}>{m.contact.name}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.contact.phone')}>{m.contact.phone}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.contact.email')}>{m.contact.email}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.col.appliedAt')}>{formatTime(m.appliedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.decidedAt')}>{m.decidedAt ? formatTime(m.decidedAt, locale) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.statement')} span={2}>{m.statement}</Descriptions.Item>
          {m.reason && (
            <Descriptions.Item label={t('exchange.col.reason')} span={2}>
              <span data-testid="member-reason">{m.reason}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('exchange.files.title')}
        extra={
          can.attach && (
            <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(file) => { void attach(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={busy === 'attach'} data-testid="member-attach">
                {t('exchange.files.attach')}
              </Button>
            </Upload>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('exchange.files.intro')}</Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          data-testid="member-files"
          data-count={m.files?.length ?? 0}
          dataSource={m.files ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('exchange.files.empty') }}
          columns={[
            { title: t('exchange.files.name'), dataIndex: 'name', key: 'name', render: (n: string, f: { id: string; name: string }) => <Button type="link" onClick={() => fetchFile(f)} data-testid={`member-file-${f.id}`}>{n}</Button> },
            { title: t('exchange.files.size'), dataIndex: 'size', key: 'size', render: (s: number) => `${(s / 1024).toFixed(1)} KiB` },
            { title: 'SHA-256', dataIndex: 'sha256', key: 'sha256', render: (h: string) => <span className="lt-mono">{h.slice(0, 16)}…</span> },
            { title: t('exchange.files.uploadedAt'), dataIndex: 'uploadedAt', key: 'uploadedAt', render: (v: string) => formatTime(v, locale) },
          ]}
        />
      </Card>
      {asking && (
        <ReasonModal
          title={actionLabel(t, asking)}
          hint={t(asking === 'reject' ? 'exchange.reason.reject' : 'exchange.reason.sanction')}
          onClose={() => setAsking(null)}
          onSubmit={(reason) => decide(asking, reason)}
        />
      )}
    </div>
  );
}
