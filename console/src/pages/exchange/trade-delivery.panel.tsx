/**
 * Delivery and acceptance (交付 → 验收) on a contract in force: the seller uploads a file (at most
 * 8 MiB) with a note; everyone on the contract sees the deliveries — name, size, SHA-256, note, when;
 * the buyer takes a download link (shown once, with its expiry), downloads through it (each download
 * is a use of the contract: the uses left are shown) and the browser checks the file's SHA-256
 * against the delivery's; the buyer accepts before the acceptance date (Beijing time) or the
 * delivery is accepted automatically. Refusals show the server's message in the page.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage, parseErrorBody } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { download, fileNameOf, toBase64 } from '../../format/file.transfer';
import type { TradeSteps } from '../../access';
import { deliveryMediaType, deliveryName, deliveryProblem, formatBytes, sha256Hex, usesLeftOf } from './trade.rules';
import { acceptedByLabel, type Delivery } from './trade.view';
import type { Negotiation } from './negotiation.view';

interface Fetched {
  sha256: string;
  matches: boolean;
  usesLeft: number | 'unlimited' | null;
}

export function DeliverySection(props: { n: Negotiation; deliveries: readonly Delivery[]; can: TradeSteps; onChanged(): void }) {
  const { n, deliveries, can } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<string, { url: string; expiresAt: string }>>({});
  const [fetched, setFetched] = useState<Record<string, Fetched>>({});
  const negotiationId = n.id;

  const run = async (what: string, step: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const deliver = (note: string) =>
    run('deliver', async () => {
      if (!file) throw new Error('no file');
      const d = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/deliveries', {
        params: { path: { negotiationId } },
        body: { name: deliveryName(file.name)!, mediaType: deliveryMediaType(file.type), contentBase64: toBase64(await file.arrayBuffer()), note: note.trim() },
      }));
      message.success(t('trade.delivery.delivered', { name: d.name }));
      setFile(null);
      form.resetFields();
      props.onChanged();
    });

  const getLink = (d: Delivery) =>
    run(`link-${d.id}`, async () => {
      const l = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/deliveries/{deliveryId}/link', { params: { path: { negotiationId, deliveryId: d.id } } }));
      setLinks((m) => ({ ...m, [d.id]: l }));
    });

  /** Downloads through the link (one use of the contract), checks the bytes' SHA-256 and saves the file. */
  const fetchFile = (d: Delivery, url: string) =>
    run(`download-${d.id}`, async () => {
      const res = await fetch(url, { headers: { 'accept-language': locale } });
      if (!res.ok) {
        let body: unknown = null;
        try {
          body = await res.json();
        } catch {
          /* not JSON */
        }
        throw new ApiError(res.status, parseErrorBody(body));
      }
      const bytes = await res.arrayBuffer();
      const sha256 = await sha256Hex(bytes);
      setFetched((m) => ({ ...m, [d.id]: { sha256, matches: sha256 === d.sha256, usesLeft: usesLeftOf(res.headers.get('x-uses-left')) } }));
      download(new Blob([bytes], { type: d.mediaType }), fileNameOf(res.headers.get('content-disposition')) ?? d.name);
    });

  const chosen = file && deliveryProblem(file);
  const due = n.acceptanceDue;
  const accept = () =>
    run('accept', async () => {
      await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/acceptance', { params: { path: { negotiationId } } }));
      message.success(t('trade.acceptance.done'));
      props.onChanged();
    });

  return (
    <Card title={t('trade.delivery.title')} style={{ marginBottom: 16 }} data-testid="delivery-section" data-delivered={n.deliveredAt ? 'true' : 'false'} data-accepted={n.acceptedAt ? 'true' : 'false'}>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="delivery-error" />}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }} data-testid="acceptance" data-due={due ?? ''} data-accepted-by={n.acceptedBy ?? ''}>
        <Descriptions.Item label={t('trade.delivery.deliveredAt')}>{n.deliveredAt ? formatTime(n.deliveredAt, locale) : t('trade.delivery.notYet')}</Descriptions.Item>
        <Descriptions.Item label={t('trade.acceptance.due')}>
          <span data-testid="acceptance-due">{due ? t('trade.acceptance.dueAt', { time: formatTime(due, locale, false) }) : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('trade.acceptance.status')}>
          {n.acceptedAt ? (
            <Tag color="green" icon={<CheckCircleFilled />} data-testid="acceptance-status" data-status="accepted">
              {t('trade.acceptance.acceptedAt', { time: formatTime(n.acceptedAt, locale), by: acceptedByLabel(t, n.acceptedBy ?? 'buyer') })}
            </Tag>
          ) : (
            <Tag color={n.deliveredAt ? 'gold' : 'default'} data-testid="acceptance-status" data-status={n.deliveredAt ? 'awaiting' : 'nothing'}>
              {n.deliveredAt ? t('trade.acceptance.awaiting') : t('trade.acceptance.nothing')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('trade.delivery.uses')}>
          <span data-testid="delivery-uses" data-uses={n.uses}>
            {n.terms.maxUses === null ? t('trade.delivery.usesUnlimited', { used: n.uses }) : t('trade.delivery.usesOf', { used: n.uses, max: n.terms.maxUses })}
          </span>
        </Descriptions.Item>
      </Descriptions>

      {can.deliver && (
        <Card type="inner" size="small" title={t('trade.delivery.upload')} style={{ marginBottom: 12 }} data-testid="delivery-form">
          <Typography.Paragraph type="secondary">{t('trade.delivery.uploadHint')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => deliver(v.note ?? '')}>
            <Form.Item label={t('trade.delivery.file')} required>
              <Space wrap>
                <Upload showUploadList={false} beforeUpload={(f) => { setFile(f); return false; }} data-testid="delivery-file">
                  <Button icon={<UploadOutlined />}>{t('trade.delivery.choose')}</Button>
                </Upload>
                {file && (
                  <Typography.Text data-testid="delivery-chosen" data-size={file.size}>
                    {file.name} ({formatBytes(file.size)})
                  </Typography.Text>
                )}
              </Space>
              {chosen && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t(`trade.delivery.problem.${chosen}`)} data-testid="delivery-problem" />}
              {file && !deliveryName(file.name) && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('trade.delivery.problem.name')} />}
            </Form.Item>
            <Form.Item name="note" label={t('trade.delivery.note')}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="delivery-note" />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!file || !!chosen || !deliveryName(file.name)} loading={busy === 'deliver'} data-testid="delivery-submit">
              {t('trade.delivery.submit')}
            </Button>
          </Form>
        </Card>
      )}

      <Table<Delivery>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...deliveries]}
        scroll={{ x: 'max-content' }}
        data-testid="deliveries"
        data-count={deliveries.length}
        locale={{ emptyText: t('trade.delivery.empty') }}
        onRow={(d) => ({ 'data-testid': `delivery-${d.id}`, 'data-sha256': d.sha256, 'data-size': d.size, 'data-name': d.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('trade.delivery.col.name'), dataIndex: 'name', key: 'name', render: (v: string, d) => <span>{v}{d.method !== 'file' && <Tag style={{ marginLeft: 8 }}>{t(`trade.delivery.method.${d.method === 'api' ? 'api' : 'other'}`)}</Tag>}</span> },
          { title: t('trade.delivery.col.size'), dataIndex: 'size', key: 'size', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatBytes(v)}</span> },
          {
            title: t('trade.delivery.col.sha256'),
            dataIndex: 'sha256',
            key: 'sha256',
            render: (v: string) => (
              <Typography.Text className="lt-mono" copyable={{ text: v }} style={{ fontSize: 12 }}>
                {`${v.slice(0, 16)}…`}
              </Typography.Text>
            ),
          },
          { title: t('trade.delivery.col.note'), dataIndex: 'note', key: 'note', render: (v: string) => v || '—' },
          { title: t('trade.delivery.col.at'), dataIndex: 'createdAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
          ...(can.link
            ? [{
              title: t('trade.delivery.col.download'),
              key: 'download',
              render: (_: unknown, d: Delivery) => {
                if (d.method !== 'file') return '—';
                const l = links[d.id];
                const f = fetched[d.id];
                return (
                  <Space orientation="vertical" size={4}>
                    <Space wrap size={[8, 4]}>
                      <Button size="small" icon={<LinkOutlined />} loading={busy === `link-${d.id}`} onClick={() => void getLink(d)} data-testid={`delivery-link-${d.id}`}>
                        {l ? t('trade.delivery.newLink') : t('trade.delivery.getLink')}
                      </Button>
                      {l && (
                        <Button size="small" type="primary" icon={<DownloadOutlined />} loading={busy === `download-${d.id}`} onClick={() => void fetchFile(d, l.url)} data-testid={`delivery-download-${d.id}`}>
                          {t('trade.delivery.download')}
                        </Button>
                      )}
                    </Space>
                    {l && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`delivery-link-info-${d.id}`} data-expires={l.expiresAt}>
                        {t('trade.delivery.linkOnce', { time: formatTime(l.expiresAt, locale, false) })}{' '}
                        <Typography.Text copyable={{ text: `${window.location.origin}${l.url}` }} style={{ fontSize: 12 }} />
                      </Typography.Text>
                    )}
                    {f && (
                      <span data-testid={`delivery-fetched-${d.id}`} data-match={f.matches ? 'true' : 'false'} data-sha256={f.sha256} data-uses-left={f.usesLeft === null ? '' : String(f.usesLeft)}>
                        <Tag color={f.matches ? 'green' : 'red'} icon={f.matches ? <CheckCircleFilled /> : <CloseCircleFilled />}>
                          {f.matches ? t('trade.delivery.shaMatch') : t('trade.delivery.shaMismatch')}
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {f.usesLeft === 'unlimited' ? t('trade.delivery.usesLeftUnlimited') : f.usesLeft === null ? '' : t('trade.delivery.usesLeft', { n: f.usesLeft })}
                        </Typography.Text>
                      </span>
                    )}
                  </Space>
                );
              },
            }]
            : []),
        ]}
      />

      {can.accept && (
        <div style={{ marginTop: 12 }}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('trade.acceptance.hint', { time: due ? formatTime(due, locale, false) : '—' })} data-testid="acceptance-hint" />
          <Popconfirm
            title={t('trade.acceptance.confirm')}
            description={<div style={{ maxWidth: 320 }}>{t('trade.acceptance.confirmHint')}</div>}
            okText={t('trade.acceptance.accept')}
            cancelText={t('common.cancel')}
            onConfirm={() => accept()}
          >
            <Button type="primary" loading={busy === 'accept'} data-testid="acceptance-accept">
              {t('trade.acceptance.accept')}
            </Button>
          </Popconfirm>
        </div>
      )}
    </Card>
  );
}
