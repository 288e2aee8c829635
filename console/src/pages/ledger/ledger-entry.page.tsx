/**
 * One ledger entry (/console/ledger/entries/:index): the entry and its payload when the viewer may
 * see it, and its evidence receipt, which can be downloaded, verified here in the browser with the
 * platform's key, or carried to the verifier page.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Result, Space, Spin, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { verifyReceipt, type LedgerEntry } from '../../ledger/receipt.verifier';
import { VerifyResultView, type VerifyOutcome } from './receipt-verify.page';
import { download } from '../../format/file.transfer';

interface EntryView {
  index: number;
  entry: unknown;
  leafHash: string;
  payload?: unknown;
}

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

const json = (v: unknown) => JSON.stringify(v, null, 2);

function downloadJson(name: string, value: unknown): void {
  download(new Blob([`${json(value)}\n`], { type: 'application/json' }), name);
}

export default function LedgerEntryPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { index: param = '' } = useParams();
  const index = /^(0|[1-9][0-9]{0,15})$/.test(param) && Number.isSafeInteger(Number(param)) ? Number(param) : null;
  const [entry, setEntry] = useState<Load<EntryView>>({ state: 'loading' });
  const [receipt, setReceipt] = useState<Load<unknown>>({ state: 'loading' });
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    if (index === null) return;
    let live = true;
    setEntry({ state: 'loading' });
    setReceipt({ state: 'loading' });
    setOutcome(null);
    setVerifyError(null);
    unwrap(api.GET('/api/v1/ledger/entries/{index}', { params: { path: { index } } })).then(
      (value) => live && setEntry({ state: 'done', value }),
      (err) => live && setEntry({ state: 'error', message: errorMessage(err, t) }),
    );
    unwrap(api.GET('/api/v1/ledger/entries/{index}/receipt', { params: { path: { index } } })).then(
      (value) => live && setReceipt({ state: 'done', value }),
      (err) => live && setReceipt({ state: 'error', message: errorMessage(err, t) }),
    );
    return () => {
      live = false;
    };
  }, [index, t]);

  if (index === null) {
    return <Result status="404" title={t('ledger.entry.badIndex')} extra={<Link to="/console/ledger">{t('ledger.entry.backToList')}</Link>} />;
  }

  async function verifyHere(value: unknown) {
    setVerifying(true);
    setVerifyError(null);
    setOutcome(null);
    try {
      const key = (await unwrap(api.GET('/api/v1/ledger/key'))) as { verifierKey?: unknown } | null;
      if (typeof key?.verifierKey !== 'string') {
        setVerifyError(t('ledger.verify.platformKeyMissing'));
        return;
      }
      setOutcome({ kind: 'check', check: verifyReceipt(value, key.verifierKey) });
    } catch (err) {
      setVerifyError(errorMessage(err, t));
    } finally {
      setVerifying(false);
    }
  }

  const e = entry.state === 'done' ? (entry.value.entry as Partial<LedgerEntry> | null) : null;
  const items: DescriptionsProps['items'] =
    entry.state === 'done'
      ? [
          { key: 'index', label: t('ledger.col.index'), children: <span className="lt-mono">{entry.value.index}</span> },
          { key: 'type', label: t('ledger.col.type'), children: <span className="lt-mono">{e?.type ?? '—'}</span> },
          { key: 'time', label: t('ledger.col.time'), children: formatTime(e?.time, locale) },
          {
            key: 'org',
            label: t('ledger.col.org'),
            children: e?.org ? (
              <Link className="lt-mono" to={`/console/orgs/${e.org}`}>
                {e.org}
              </Link>
            ) : (
              '—'
            ),
          },
          { key: 'subject', label: t('ledger.col.subject'), children: <span className="lt-mono">{e?.subject ? `${e.subject.type} ${e.subject.id}` : '—'}</span> },
          { key: 'actor', label: t('ledger.entry.actor'), children: <span className="lt-mono">{e?.actor ? JSON.stringify(e.actor) : '—'}</span> },
          { key: 'id', label: t('ledger.entry.eventId'), children: <span className="lt-mono">{e?.id ?? '—'}</span> },
          { key: 'requestId', label: t('ledger.entry.requestId'), children: <span className="lt-mono">{e?.requestId ?? '—'}</span> },
          { key: 'payloadDigest', label: t('ledger.entry.payloadDigest'), children: <span className="lt-mono">{e?.payloadDigest ?? '—'}</span> },
          { key: 'leafHash', label: t('ledger.entry.leafHash'), children: <span className="lt-mono">{entry.value.leafHash}</span> },
        ]
      : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('ledger.entry.title', { index })}</Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/ledger')}>
          {t('ledger.entry.backToList')}
        </Button>
      </div>

      <Card title={t('ledger.entry.entry')} data-testid="ledger-entry">
        {entry.state === 'loading' && <Spin />}
        {entry.state === 'error' && <Alert type="error" showIcon title={entry.message} />}
        {entry.state === 'done' && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={1} items={items} />
            <div>
              <Typography.Title level={5}>{t('ledger.entry.payload')}</Typography.Title>
              {entry.value.payload === undefined ? (
                <Typography.Text type="secondary">{t('ledger.entry.payloadHidden')}</Typography.Text>
              ) : (
                <pre className="lt-mono" data-testid="ledger-entry-payload">{json(entry.value.payload)}</pre>
              )}
            </div>
          </Space>
        )}
      </Card>

      <Card title={t('ledger.entry.receipt')} data-testid="ledger-receipt">
        {receipt.state === 'loading' && <Spin />}
        {receipt.state === 'error' && <Alert type="error" showIcon title={receipt.message} />}
        {receipt.state === 'done' && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('ledger.entry.receiptHelp')}</Typography.Paragraph>
            <Space size={[8, 8]} wrap>
              <Button icon={<DownloadOutlined />} onClick={() => downloadJson(`receipt-${index}.json`, receipt.value)} data-testid="receipt-download">
                {t('ledger.entry.download')}
              </Button>
              <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verifyHere(receipt.value)} data-testid="receipt-verify-here">
                {t('ledger.entry.verifyHere')}
              </Button>
              <Link to="/console/ledger/verify" state={{ receipt: json(receipt.value) }} data-testid="receipt-open-verifier">
                {t('ledger.entry.openVerifier')}
              </Link>
            </Space>
            {verifyError && <Alert type="error" showIcon title={verifyError} />}
            {outcome && <VerifyResultView outcome={outcome} />}
            {receipt.value ? <pre className="lt-mono" data-testid="receipt-json">{json(receipt.value)}</pre> : <Empty />}
          </Space>
        )}
      </Card>
    </Space>
  );
}
