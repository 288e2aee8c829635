/**
 * The evidence ledger (/console/ledger): the latest signed checkpoint with its witness
 * cosignatures, and the entries, paged, filtered and ordered by the server. The query lives in the
 * URL so that coming back from an entry keeps it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import type { MessageKey } from '../../locales/index';
import { readCheckpointNote, type LedgerEntry } from '../../ledger/receipt.verifier';

interface Checkpoint {
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
  cosignatures: { witness: string; orgId: string; signedAt: string }[];
}
interface Row {
  index: number;
  entry: Partial<LedgerEntry> | null;
  leafHash: string;
}
type FilterMode = 'type' | 'typePrefix';
type Order = 'asc' | 'desc';
interface Query {
  mode: FilterMode;
  text: string;
  order: Order;
  page: number;
  pageSize: number;
}

const PAGE_SIZES = [10, 20, 50, 100];

function readQuery(params: URLSearchParams): Query {
  const int = (name: string, fallback: number, max: number) => {
    const v = params.get(name);
    const n = v && /^[1-9][0-9]{0,5}$/.test(v) ? Number(v) : fallback;
    return Math.min(n, max);
  };
  const prefix = params.get('typePrefix');
  return {
    mode: prefix !== null ? 'typePrefix' : 'type',
    text: (prefix ?? params.get('type') ?? '').slice(0, 100),
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: int('page', 1, 100_000),
    pageSize: PAGE_SIZES.includes(int('pageSize', 20, 200)) ? int('pageSize', 20, 200) : 20,
  };
}

function writeQuery(q: Query): URLSearchParams {
  const p = new URLSearchParams();
  if (q.text) p.set(q.mode, q.text);
  if (q.order !== 'desc') p.set('order', q.order);
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.pageSize !== 20) p.set('pageSize', String(q.pageSize));
  return p;
}

function CheckpointCard() {
  const { t, locale } = useI18n();
  const [cp, setCp] = useState<{ state: 'loading' } | { state: 'empty' } | { state: 'error'; message: string } | { state: 'done'; value: Checkpoint }>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/v1/ledger/checkpoint')).then(
      (value) => live && setCp({ state: 'done', value }),
      (err) => {
        if (!live) return;
        if (err instanceof ApiError && err.code === 'LEDGER_EMPTY') setCp({ state: 'empty' });
        else setCp({ state: 'error', message: errorMessage(err, t) });
      },
    );
    return () => {
      live = false;
    };
  }, [t]);

  const body = useMemo(() => (cp.state === 'done' ? readCheckpointNote(cp.value.note) : null), [cp]);

  let content;
  if (cp.state === 'loading') content = <Spin />;
  else if (cp.state === 'empty') content = <Empty description={t('ledger.checkpoint.empty')} />;
  else if (cp.state === 'error') content = <Alert type="error" showIcon title={cp.message} />;
  else {
    const v = cp.value;
    const items: DescriptionsProps['items'] = [
      { key: 'origin', label: t('ledger.checkpoint.origin'), children: <span className="lt-mono">{body?.origin ?? '—'}</span> },
      { key: 'size', label: t('ledger.checkpoint.size'), children: <span className="lt-mono" data-testid="checkpoint-size">{v.size}</span> },
      { key: 'root', label: t('ledger.checkpoint.root'), children: <span className="lt-mono">{v.rootHash}</span> },
      { key: 'createdAt', label: t('ledger.checkpoint.createdAt'), children: formatTime(v.createdAt, locale) },
      {
        key: 'cosignatures',
        label: t('ledger.checkpoint.cosignatures'),
        children: v.cosignatures.length ? (
          <Space orientation="vertical" size={4} data-testid="checkpoint-cosignatures">
            {v.cosignatures.map((c) => (
              <Space key={c.witness} size={[4, 4]} wrap>
                <Tag color="blue" className="lt-mono">{c.witness}</Tag>
                <Link className="lt-mono" to={`/console/orgs/${c.orgId}`}>{c.orgId}</Link>
                <Typography.Text type="secondary">{formatTime(c.signedAt, locale)}</Typography.Text>
              </Space>
            ))}
          </Space>
        ) : (
          t('ledger.checkpoint.noCosignatures')
        ),
      },
    ];
    const sigLines = v.note.split('\n').filter((l) => l.startsWith('\u2014 '));
    content = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={1} items={items} />
        <div>
          <Typography.Title level={5}>{t('ledger.checkpoint.note')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('ledger.checkpoint.noteHelp', { count: sigLines.length })}</Typography.Paragraph>
          <pre className="lt-mono" data-testid="checkpoint-note">{v.note}</pre>
        </div>
      </Space>
    );
  }
  return (
    <Card title={t('ledger.checkpoint.title')} data-testid="ledger-checkpoint">
      {content}
    </Card>
  );
}

export default function LedgerExplorerPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const [mode, setMode] = useState<FilterMode>(query.mode);
  const [text, setText] = useState(query.text);
  const [gotoError, setGotoError] = useState(false);
  const [data, setData] = useState<{ items: Row[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const update = useCallback((next: Partial<Query>) => setParams(writeQuery({ ...query, ...next })), [query, setParams]);

  useEffect(() => {
    setMode(query.mode);
    setText(query.text);
  }, [query.mode, query.text]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const filter = query.text ? { [query.mode]: query.text } : {};
    unwrap(api.GET('/api/v1/ledger/entries', { params: { query: { ...filter, order: query.order, page: query.page, pageSize: query.pageSize } } }))
      .then((page) => live && setData({ items: page.items.map((i) => ({ index: i.index, entry: i.entry as Partial<LedgerEntry> | null, leafHash: i.leafHash })), total: page.total }))
      .catch((err) => live && setError(errorMessage(err, t)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, t]);

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('ledger.col.index'),
      dataIndex: 'index',
      key: 'index',
      render: (i: number) => (
        <Link to={`/console/ledger/entries/${i}`} className="lt-mono" data-testid="ledger-entry-link">
          {i}
        </Link>
      ),
    },
    { title: t('ledger.col.time'), key: 'time', render: (_: unknown, r: Row) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.entry?.time, locale)}</span> },
    { title: t('ledger.col.type'), key: 'type', render: (_: unknown, r: Row) => <span className="lt-mono">{r.entry?.type ?? '—'}</span> },
    {
      title: t('ledger.col.org'),
      key: 'org',
      render: (_: unknown, r: Row) => (r.entry?.org ? <Link className="lt-mono" to={`/console/orgs/${r.entry.org}`}>{r.entry.org}</Link> : '—'),
    },
    {
      title: t('ledger.col.subject'),
      key: 'subject',
      render: (_: unknown, r: Row) => <span className="lt-mono">{r.entry?.subject ? `${r.entry.subject.type} ${r.entry.subject.id}` : '—'}</span>,
    },
  ];

  const modeLabel: Record<FilterMode, MessageKey> = { type: 'ledger.filter.type', typePrefix: 'ledger.filter.typePrefix' };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('ledger.title')}</Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/console/ledger/verify')}>
          {t('ledger.verifyReceipt')}
        </Button>
      </div>

      <CheckpointCard />

      <Card title={t('ledger.entries.title')}>
        <div className="lt-toolbar">
          <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
            <Select<FilterMode>
              value={mode}
              onChange={setMode}
              aria-label={t('ledger.filter.mode')}
              style={{ width: 140, flexShrink: 0 }}
              options={(['type', 'typePrefix'] as const).map((m) => ({ value: m, label: t(modeLabel[m]) }))}
              data-testid="ledger-filter-mode"
            />
            <Input.Search
              allowClear
              maxLength={100}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => update({ mode, text: v.trim(), page: 1 })}
              placeholder={mode === 'type' ? t('ledger.filter.typePlaceholder') : t('ledger.filter.typePrefixPlaceholder')}
              aria-label={t('ledger.filter.text')}
              data-testid="ledger-filter-text"
            />
          </Space.Compact>
          <Select<Order>
            value={query.order}
            onChange={(order) => update({ order, page: 1 })}
            aria-label={t('ledger.filter.order')}
            style={{ width: 160 }}
            options={[
              { value: 'desc', label: t('ledger.order.desc') },
              { value: 'asc', label: t('ledger.order.asc') },
            ]}
            data-testid="ledger-order"
          />
          <Button onClick={() => setParams(new URLSearchParams())}>{t('ledger.filter.reset')}</Button>
          <Input.Search
            style={{ maxWidth: 240 }}
            inputMode="numeric"
            maxLength={16}
            placeholder={t('ledger.goto.placeholder')}
            enterButton={t('ledger.goto.button')}
            aria-label={t('ledger.goto.placeholder')}
            data-testid="ledger-goto"
            onSearch={(v) => {
              const n = v.trim();
              if (/^(0|[1-9]\d*)$/.test(n) && Number.isSafeInteger(Number(n))) navigate(`/console/ledger/entries/${n}`);
              else setGotoError(true);
            }}
            status={gotoError ? 'error' : undefined}
            onChange={() => setGotoError(false)}
          />
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="index"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={query.text ? t('ledger.entries.noMatch') : t('ledger.entries.empty')} /> }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('ledger.entries.total', { total }),
            onChange: (page, pageSize) => update(pageSize !== query.pageSize ? { page: 1, pageSize } : { page }),
          }}
          data-testid="ledger-entries"
        />
      </Card>
    </Space>
  );
}
