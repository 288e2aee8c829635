import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { Digest } from '../authorization/authorization.view';
import { SpaceRowsModal } from './space-rows.modal';
import { LicencesPanel } from './licences.panel';
import { CertificatesSpaceCard } from '../certificates/certificates.space-card';
import { text, type SpaceItem, type SpacePackage } from './space.view';

/**
 * The enterprise's legal-person digital space (法人数字空间): who it is, the data public bodies hold
 * about it (each item viewable live through the gateway, on its own behalf and metered), which
 * items it hides from requesters, and 数据携带 — all its data as a package sealed by the platform
 * operator, with the ledger event of the export.
 */
export default function SpacePage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const space = useApiResource('space', () => unwrap(api.GET('/api/v1/authorization/space')));
  const [viewing, setViewing] = useState<SpaceItem | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [pkg, setPkg] = useState<{ out: SpacePackage; href: string; name: string } | null>(null);
  const [binding, setBinding] = useState(false);

  // The package's object URL lives as long as the page shows it.
  useEffect(() => () => {
    if (pkg) URL.revokeObjectURL(pkg.href);
  }, [pkg]);

  const setHidden = async (item: SpaceItem, hidden: boolean) => {
    setSwitching(item.id);
    setError(null);
    try {
      const path = { params: { path: { itemId: item.id } } };
      await unwrap(hidden ? api.POST('/api/v1/authorization/space/items/{itemId}/hide', path) : api.POST('/api/v1/authorization/space/items/{itemId}/show', path));
      message.success(t(hidden ? 'space.item.hiddenDone' : 'space.item.shownDone'));
      space.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setSwitching(null);
    }
  };

  const download = async () => {
    setExporting(true);
    setError(null);
    try {
      const out = await unwrap(api.POST('/api/v1/authorization/space/package'));
      // The whole answer: the package, its digest, the operator's seal over it and the evidence.
      const blob = new Blob([JSON.stringify(out, null, 2)], { type: 'application/json' });
      const href = URL.createObjectURL(blob);
      const name = `liutong-space-${space.data?.holder.uscc ?? space.data?.holder.orgId ?? 'package'}-${new Date().toISOString().slice(0, 10)}.json`;
      setPkg({ out, href, name });
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      message.success(t('space.package.done'));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  if (space.loading && !space.data) return <Skeleton active />;
  const s = space.data;

  const columns: TableProps<SpaceItem>['columns'] = [
    {
      title: t('space.col.item'),
      key: 'name',
      render: (_: unknown, i: SpaceItem) => (
        <span>
          {text(i.name, locale)}
          <br />
          <Typography.Text type="secondary" className="lt-mono">
            {i.code}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('space.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => orgNameOf(id) },
    { title: t('space.col.fields'), dataIndex: 'fields', key: 'fields', render: (f: string[]) => <span className="lt-mono">{f.join(', ')}</span> },
    { title: t('space.col.byMonth'), dataIndex: 'periodField', key: 'period', render: (p: string | null) => (p ? t('common.yes') : t('common.no')) },
    {
      title: t('space.col.visibility'),
      key: 'hidden',
      render: (_: unknown, i: SpaceItem) => (
        <Space size={6}>
          <Switch
            checked={!i.hidden}
            disabled={!access['space.manage']}
            loading={switching === i.id}
            onChange={(shown) => setHidden(i, !shown)}
            aria-label={t('space.item.visibility')}
            data-testid={`space-item-switch-${i.code}`}
          />
          {i.hidden ? <Tag data-testid={`space-item-hidden-${i.code}`}>{t('space.item.hidden')}</Tag> : <Tag color="green">{t('space.item.shown')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, i: SpaceItem) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(i)} data-testid={`space-item-view-${i.code}`}>
          {t('space.item.view')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="space-title">
          {t('space.title')}
        </Typography.Title>
        {s && access['space.manage'] && (
          <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="space-download">
            {t('space.package.download')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('space.intro')}</Typography.Paragraph>
      {space.error && <Alert type="error" showIcon message={space.error} style={{ marginBottom: 16 }} data-testid="space-error" />}
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} data-testid="space-action-error" onClose={() => setError(null)} />}
      {s && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t('space.holder.title')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="space-holder">
              <Descriptions.Item label={t(s.holder.kind === 'natural_person' ? 'space.holder.personName' : 'space.holder.name')}>{text(s.holder.name, locale)}</Descriptions.Item>
              {s.holder.uscc ? (
                <Descriptions.Item label={t('space.holder.uscc')}>
                  <Typography.Text className="lt-mono" copyable data-testid="space-holder-uscc">
                    {s.holder.uscc}
                  </Typography.Text>
                </Descriptions.Item>
              ) : (
                <Descriptions.Item label={t('space.holder.residentId')}>
                  <span className="lt-mono" data-testid="space-holder-id">
                    {s.holder.idMasked ?? '—'}
                  </span>
                </Descriptions.Item>
              )}
              {s.holder.kind === 'legal_person' && (
                <Descriptions.Item label={t('space.binding.title')} span={2}>
                  {s.binding ? (
                    <Space wrap data-testid="space-binding" data-bound="true">
                      <Tag color="green">{t('space.binding.bound')}</Tag>
                      <span>{t('space.binding.boundText', { legalRep: s.binding.legalRep, at: formatTime(s.binding.verifiedAt, locale) })}</span>
                    </Space>
                  ) : (
                    <Space wrap data-testid="space-binding" data-bound="false">
                      <Tag color="gold">{t('space.binding.unbound')}</Tag>
                      <Typography.Text type="secondary">{t('space.binding.unboundText')}</Typography.Text>
                      {access['space.bind'] && (
                        <Button size="small" onClick={() => setBinding(true)} data-testid="space-bind">
                          {t('space.binding.bind')}
                        </Button>
                      )}
                    </Space>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Space wrap style={{ marginTop: 12 }}>
              <Link to="/console/space/authorizations" data-testid="space-link-authorizations">
                {t('space.link.authorizations')}
              </Link>
              <Link to="/console/notifications">{t('space.link.notifications')}</Link>
            </Space>
          </Card>
          <CertificatesSpaceCard />
          <LicencesPanel />
          <Card title={t('space.items.title')}>
            <Alert type="info" showIcon message={t('space.items.hiddenNote')} style={{ marginBottom: 12 }} data-testid="space-hidden-note" />
            {s.items.length === 0 ? (
              <Empty description={t('space.items.empty')} />
            ) : (
              <Table<SpaceItem> rowKey="id" size="small" data-testid="space-items" columns={columns} dataSource={s.items} pagination={false} scroll={{ x: 'max-content' }} />
            )}
          </Card>
          {pkg && (
            <Card title={t('space.package.title')} data-testid="space-package">
              <Typography.Paragraph type="secondary">{t('space.package.intro')}</Typography.Paragraph>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('space.package.file')}>
                  <a href={pkg.href} download={pkg.name} data-testid="space-package-file">
                    {pkg.name}
                  </a>
                </Descriptions.Item>
                <Descriptions.Item label={t('space.package.digest')}>
                  <Digest value={pkg.out.digest} testId="space-package-digest" />
                </Descriptions.Item>
                <Descriptions.Item label={t('space.package.sealedBy')}>{orgNameOf(pkg.out.seal.orgId)}</Descriptions.Item>
                <Descriptions.Item label={t('space.seal.signedAt')}>{formatTime(pkg.out.seal.signedAt, locale)}</Descriptions.Item>
                <Descriptions.Item label={t('space.seal.key')}>
                  <span className="lt-mono">{pkg.out.seal.kid}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('space.seal.signature')}>
                  <span className="lt-mono">{pkg.out.seal.signature}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('space.package.evidence')}>
                  <Space direction="vertical" size={0}>
                    <span className="lt-mono">{pkg.out.evidence.eventId}</span>
                    <a href={pkg.out.evidence.receiptUrl} target="_blank" rel="noreferrer" data-testid="space-package-receipt">
                      {t('space.package.receipt')}
                    </a>
                    <Typography.Text type="secondary">{t('space.package.receiptNote')}</Typography.Text>
                  </Space>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </Space>
      )}
      {viewing && <SpaceRowsModal item={viewing} onClose={() => setViewing(null)} />}
      {binding && (
        <BindModal
          onClose={(bound) => {
            setBinding(false);
            if (bound) space.reload();
          }}
        />
      )}
    </div>
  );
}

/**
 * The legal representative binds the enterprise account to its market-regulation registry record
 * (法人绑定): the USCC, the name and the representative are checked through the gateway.
 */
function BindModal({ onClose }: { onClose(bound: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ legalRep: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('space.binding.bind')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('space.binding.intro')}</Typography.Paragraph>
      <Form<{ legalRep: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/authorization/space/binding', { body: { legalRep: v.legalRep.trim() } }));
            message.success(t('space.binding.done'));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="legalRep" label={t('space.binding.legalRep')} rules={[{ required: true, whitespace: true, max: 100, message: t('space.binding.legalRepRequired') }]}>
          <Input maxLength={100} data-testid="space-bind-legal-rep" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
