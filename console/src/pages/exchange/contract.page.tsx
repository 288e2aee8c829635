/**
 * A contract (数据交易合同) as its parties, brokers, the exchange and the regulator read it once the
 * seller agreed: the document itself (zh-CN plain text, the words every seal signs) laid out for
 * print, its SHA-256 — as the server states it, checked again in the browser over the text received
 * — and each seal verified by the server against the document (valid or not, and why). "Print"
 * prints the contract alone: the page's print style hides the console around it.
 */
import { Alert, Button, Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { PARTIES, type Party } from './negotiation.rules';
import { partiesById, partyLabel, type ContractSeals } from './negotiation.view';

/** Printing shows the contract alone: no menu, header or page actions; no card chrome. */
const PRINT_CSS = `
@media print {
  @page { margin: 18mm; }
  .ant-layout-sider, .lt-sider, .ant-layout-header, .lt-console-header, .lt-no-print, .ant-message, .ant-notification { display: none !important; }
  html, body, .ant-layout, .lt-console { background: #fff !important; min-height: 0 !important; }
  .lt-console-content { padding: 0 !important; }
  .lt-contract-page .ant-card { border: none !important; box-shadow: none !important; }
  .lt-contract-page .ant-card-body { padding: 0 !important; }
  .lt-contract-text { font-size: 11pt !important; max-height: none !important; overflow: visible !important; background: none !important; }
  .lt-contract-seals { break-inside: avoid; margin-top: 12mm; }
  .lt-contract-seals .ant-table-content { overflow: visible !important; }
}
`;

/** SHA-256 of the text's UTF-8 bytes, in hex; null where the browser has no Web Crypto (an insecure origin). */
async function sha256Hex(text: string): Promise<string | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Contract {
  text: string;
  /** The server's SHA-256 of the document (x-content-sha256), hex. */
  digest: string;
  /** The browser's own, over the text received. */
  computed: string | null;
  seals: ContractSeals;
  /** The organisations' names, by id. */
  names: Map<string, { zh: string; en: string }>;
}

export default function ContractPage() {
  const { negotiationId = '' } = useParams();
  const { t, locale } = useI18n();
  const res = useApiResource(`exchange-contract-${negotiationId}`, async (): Promise<Contract & { id: string }> => {
    const [doc, seals, n] = await Promise.all([
      api.GET('/api/v1/exchange/negotiations/{negotiationId}/contract', { params: { path: { negotiationId } }, parseAs: 'text' }),
      unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}/seals', { params: { path: { negotiationId } } })),
      unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}', { params: { path: { negotiationId } } })),
    ]);
    const text = String(doc.data ?? '');
    return { id: negotiationId, text, digest: doc.response.headers.get('x-content-sha256') ?? '', computed: await sha256Hex(text), seals, names: partiesById(n) };
  });
  const c = res.data && res.data.id === negotiationId ? res.data : undefined;
  const back = (
    <Link to={`/console/exchange/negotiations/${negotiationId}`} data-testid="contract-back">
      <ArrowLeftOutlined /> {t('exchange.contract.back')}
    </Link>
  );
  if (res.loading && !c) return <Skeleton active />;
  if (!c) {
    return (
      <div>
        {back}
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={res.error ?? t('exchange.negotiation.notFound')} data-testid="contract-error" />
      </div>
    );
  }
  const stated = c.seals.documentDigest.replace(/^sha256:/, '');
  const match = c.computed === null ? null : c.computed === c.digest && c.digest === stated;
  const allValid = c.seals.seals.length > 0 && c.seals.seals.every((s) => s.valid);
  return (
    <div className="lt-contract-page" data-testid="contract" data-number={c.seals.contractNumber}>
      <style>{PRINT_CSS}</style>
      <div className="lt-page-header lt-no-print">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('exchange.contract.title')}
          </Typography.Title>
          <Typography.Text className="lt-mono" data-testid="contract-number">
            {c.seals.contractNumber}
          </Typography.Text>
        </Space>
        <Space wrap>
          {back}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="contract-print">
            {t('exchange.contract.print')}
          </Button>
        </Space>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <pre
          className="lt-mono lt-contract-text"
          data-testid="contract-text"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: '0 auto', maxWidth: 960, padding: 16, background: '#fafafa', lineHeight: 1.8, fontSize: 14 }}
        >
          {c.text}
        </pre>
      </Card>
      <Card title={t('exchange.contract.digest')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph className="lt-mono" style={{ wordBreak: 'break-all' }} copyable={{ text: c.digest }} data-testid="contract-digest">
          {c.digest}
        </Typography.Paragraph>
        {match !== null && (
          <Alert
            type={match ? 'success' : 'error'}
            showIcon
            title={t(match ? 'exchange.contract.digestMatches' : 'exchange.contract.digestDiffers')}
            data-testid="contract-digest-check"
            data-match={match ? 'true' : 'false'}
          />
        )}
      </Card>
      <Card title={t('exchange.contract.seals')} className="lt-contract-seals" extra={<Tag color={allValid ? 'green' : 'red'} data-testid="contract-seals-verdict" data-valid={allValid ? 'true' : 'false'}>{t(allValid ? 'exchange.contract.allValid' : 'exchange.contract.notAllValid')}</Tag>}>
        <Typography.Paragraph type="secondary">{t('exchange.contract.sealsIntro')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="party"
          pagination={false}
          data-testid="contract-seals"
          dataSource={[...c.seals.seals].sort((a, b) => PARTIES.indexOf(a.party as Party) - PARTIES.indexOf(b.party as Party))}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({ 'data-testid': `contract-seal-${s.party}`, 'data-valid': s.valid ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('exchange.negotiation.col.party'), dataIndex: 'party', key: 'party', render: (p: string) => <span style={{ whiteSpace: 'nowrap' }}>{partyLabel(t, p)}</span> },
            { title: t('exchange.col.org'), dataIndex: 'orgId', key: 'org', render: (id: string) => (c.names.has(id) ? orgName(c.names.get(id)!, locale) : id) },
            {
              title: t('exchange.contract.verdict'),
              key: 'valid',
              render: (_: unknown, s: ContractSeals['seals'][number]) =>
                s.valid ? (
                  <Tag icon={<CheckCircleFilled />} color="green">
                    {t('exchange.contract.valid')}
                  </Tag>
                ) : (
                  <Tag icon={<CloseCircleFilled />} color="red">
                    {t('exchange.contract.invalid', { reason: s.reason ?? '—' })}
                  </Tag>
                ),
            },
            { title: t('exchange.contract.signedAt'), dataIndex: 'signedAt', key: 'signedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
            { title: t('exchange.contract.kid'), dataIndex: 'kid', key: 'kid', render: (k: string) => <span className="lt-mono">{k}</span> },
          ]}
        />
      </Card>
    </div>
  );
}
