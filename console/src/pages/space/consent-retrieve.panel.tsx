import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { describeError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { cell, text, type Consent, type Row as DataRow } from './space.view';

type Item = Consent['items'][number];
interface Result {
  page: number;
  pageSize: number;
  fields: string[];
  items: DataRow[];
  hasMore: boolean;
  callId: string;
}

/**
 * The requester retrieves the data it was authorized for, through the data gateway with the
 * authorization's grants (grantIds[i] belongs to items[i]): only the holder's rows and the period's
 * months. Every retrieval is one metered use; after a revocation, expiry or the last use the
 * gateway refuses and its refusal is shown.
 */
export function ConsentRetrievePanel({ consent, onCalled }: { consent: Consent; onCalled(): void }) {
  const { t } = useI18n();
  return (
    <Card title={t('space.retrieve.title')} data-testid="consent-retrieve">
      <Typography.Paragraph type="secondary">{t('space.retrieve.intro', { maxUses: consent.maxUses })}</Typography.Paragraph>
      {consent.status !== 'approved' && <Alert type="warning" showIcon message={t('space.retrieve.ended')} style={{ marginBottom: 12 }} data-testid="consent-retrieve-ended" />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {consent.items.map((item, i) => {
          const grantId = consent.grantIds[i];
          return grantId ? <RetrieveItem key={item.itemId} item={item} grantId={grantId} onCalled={onCalled} /> : null;
        })}
      </Space>
    </Card>
  );
}

function RetrieveItem({ item, grantId, onCalled }: { item: Item; grantId: string; onCalled(): void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [refused, setRefused] = useState<{ message: string; code: string } | null>(null);

  const load = async (page: number, pageSize: number) => {
    setBusy(true);
    setRefused(null);
    try {
      const out = await unwrap(
        api.GET('/api/v1/data/{resourceId}/rows', { params: { path: { resourceId: item.resourceId }, query: { grant: grantId, page, pageSize, format: 'json' } } }),
      );
      setResult({ page, pageSize, fields: out.fields, items: out.items, hasMore: out.hasMore, callId: out.callId });
    } catch (err) {
      setResult(null);
      setRefused({ message: errorMessage(err, t), code: describeError(err, t).code ?? '' });
    } finally {
      setBusy(false);
      onCalled();
    }
  };

  return (
    <Card
      size="small"
      type="inner"
      data-testid={`retrieve-${item.code}`}
      title={
        <span>
          {text(item.name, locale)} <span className="lt-mono">({item.code})</span>
        </span>
      }
      extra={
        <Button type="primary" size="small" icon={<CloudDownloadOutlined />} loading={busy} onClick={() => load(1, result?.pageSize ?? 50)} data-testid={`retrieve-${item.code}-run`}>
          {t('space.retrieve.run')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('space.retrieve.fields', { fields: item.fields.join(', ') })}
      </Typography.Paragraph>
      {refused && <Alert type="error" showIcon message={t('space.retrieve.refused')} description={refused.message} data-code={refused.code} data-testid={`retrieve-${item.code}-refused`} />}
      {result && (
        <>
          <Typography.Paragraph type="secondary" className="lt-mono" style={{ marginBottom: 8 }}>
            {t('space.retrieve.call', { callId: result.callId, count: result.items.length })}
          </Typography.Paragraph>
          <Table<DataRow & { __key: number }>
            rowKey="__key"
            size="small"
            data-testid={`retrieve-${item.code}-rows`}
            loading={busy}
            columns={result.fields.map((f) => ({ title: f, dataIndex: f, key: f, render: cell }))}
            dataSource={result.items.map((r, i) => ({ ...r, __key: i }))}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: result.page,
              pageSize: result.pageSize,
              total: (result.page - 1) * result.pageSize + result.items.length + (result.hasMore ? 1 : 0),
              hideOnSinglePage: true,
              onChange: (p, s) => void load(p, s),
            }}
          />
        </>
      )}
    </Card>
  );
}
