import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import type { CatalogResource } from '../../api/api.types';
import { useI18n } from '../../i18n/i18n.context';
import { LevelTag, msg, refusal } from './resource.view';

type ScanResult = Awaited<ReturnType<typeof runScan>>;
type FieldScan = ScanResult['fields'][number];

const runScan = (resourceId: string, apply: boolean) =>
  unwrap(api.POST('/api/v1/catalog/resources/{resourceId}/scan', { params: { path: { resourceId } }, body: { apply } }));

/**
 * The classification scanner (分类分级辅助识别) on a draft's mounted data: what each field looks
 * like (IDs, bank cards, mobiles, USCCs, e-mails, addresses), the grade it suggests with its basis,
 * and — on request — raising the grades to the suggestions. A suggestion never lowers a grade.
 */
export function ResourceScanModal({ resource, onClose }: { resource: CatalogResource; onClose(next: CatalogResource | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    let live = true;
    runScan(resource.id, false)
      .then((r) => live && setResult(r))
      .catch((err) => live && setError(refusal(err, t)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [resource.id, t]);

  const raising = result?.fields.filter((f) => f.raises).length ?? 0;
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await runScan(resource.id, true);
      message.success(t('catalog.scan.applied', { count: r.fields.filter((f) => f.applied).length }));
      onClose(await unwrap(api.GET('/api/v1/catalog/resources/{resourceId}', { params: { path: { resourceId: resource.id } } })));
    } catch (err) {
      setError(refusal(err, t));
      setBusy(false);
    }
  };

  const grade = (g: FieldScan['current']) =>
    g ? (
      <Space size={4} wrap>
        <LevelTag t={t} level={g.level as 'core' | 'important' | 'general'} generalLevel={g.generalLevel} />
        <span>{msg(t, `catalog.grade.pi.${g.personalInfo}`)}</span>
        {g.sensitiveCategories.map((c) => (
          <Tag key={c}>{msg(t, `catalog.grade.sensitive.${c}`)}</Tag>
        ))}
      </Space>
    ) : (
      '—'
    );

  return (
    <Modal
      open
      width={920}
      title={t('catalog.scan.title')}
      onCancel={() => onClose(null)}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!raising} loading={busy && !!result} onClick={apply} data-testid="scan-apply">
            {t('catalog.scan.apply', { count: raising })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('catalog.scan.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="scan-error" />}
      {result && <Typography.Paragraph data-testid="scan-sampled">{t('catalog.scan.sampled', { count: result.sampled, version: result.version })}</Typography.Paragraph>}
      <Table<FieldScan>
        size="small"
        rowKey="field"
        loading={busy && !result}
        data-testid="scan-result"
        dataSource={result?.fields ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('catalog.resource.field.name'), dataIndex: 'field', key: 'field', render: (v: string) => <span className="lt-mono">{v}</span> },
          {
            title: t('catalog.scan.detected'),
            key: 'detected',
            render: (_: unknown, f) => (f.detected ? <Tag color="blue" data-testid={`scan-detected-${f.field}`}>{msg(t, `catalog.scan.kind.${f.detected}`)} · {Math.round((f.share ?? 0) * 100)}%</Tag> : '—'),
          },
          { title: t('catalog.scan.current'), key: 'current', render: (_: unknown, f) => grade(f.current) },
          { title: t('catalog.scan.suggested'), key: 'suggested', render: (_: unknown, f) => (f.suggested ? grade(f.suggested) : '—') },
          {
            title: t('catalog.scan.basis'),
            key: 'basis',
            render: (_: unknown, f) => (f.detected ? <Typography.Text type="secondary">{msg(t, `catalog.scan.basis.${f.detected}`)}</Typography.Text> : '—'),
          },
          {
            title: t('catalog.scan.outcome'),
            key: 'outcome',
            render: (_: unknown, f) =>
              f.applied ? <Tag color="green">{t('catalog.scan.outcome.applied')}</Tag> : f.raises ? <Tag color="orange">{t('catalog.scan.outcome.raises')}</Tag> : f.detected ? <Tag>{t('catalog.scan.outcome.kept')}</Tag> : '—',
          },
        ]}
      />
    </Modal>
  );
}
