import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Modal, Row, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { cell, text, type Row as DataRow, type SpaceItem } from './space.view';
import { periodProblem } from './space.rules';

interface Query {
  periodFrom: string | undefined;
  periodTo: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * One data item's rows of the holder, fetched live through the gateway on its own behalf (each
 * fetch is a metered call): optionally of a period of months, paged.
 */
export function SpaceRowsModal({ item, onClose }: { item: SpaceItem; onClose(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ periodFrom?: string; periodTo?: string }>();
  const [query, setQuery] = useState<Query>({ periodFrom: undefined, periodTo: undefined, page: 1, pageSize: 20 });
  const [problem, setProblem] = useState<string | null>(null);
  const rows = useApiResource(`space-rows-${item.id}-${JSON.stringify(query)}`, () =>
    unwrap(
      api.GET('/api/v1/authorization/space/items/{itemId}/rows', {
        params: {
          path: { itemId: item.id },
          query: { ...(query.periodFrom ? { periodFrom: query.periodFrom } : {}), ...(query.periodTo ? { periodTo: query.periodTo } : {}), page: query.page, pageSize: query.pageSize },
        },
      }),
    ),
  );
  const data = rows.data;

  return (
    <Modal open title={t('space.rows.title', { item: text(item.name, locale) })} footer={null} onCancel={onClose} width={960} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('space.rows.intro')}</Typography.Paragraph>
      {item.periodField && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            const from = v.periodFrom || undefined;
            const to = v.periodTo || undefined;
            if (from || to) {
              const p = periodProblem(from ?? to, to ?? from);
              if (p) {
                setProblem(t(`space.rule.period.${p}`));
                return;
              }
            }
            setProblem(null);
            setQuery((q) => ({ ...q, periodFrom: from, periodTo: to, page: 1 }));
          }}
        >
          <Row gutter={12} align="bottom">
            <Col xs={12} sm={8}>
              <Form.Item name="periodFrom" label={t('space.field.periodFrom')}>
                <Input type="month" data-testid="space-rows-from" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="periodTo" label={t('space.field.periodTo')}>
                <Input type="month" data-testid="space-rows-to" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item>
                <Button htmlType="submit" data-testid="space-rows-apply">
                  {t('space.rows.apply')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      {problem && <Alert type="warning" showIcon message={problem} style={{ marginBottom: 12 }} />}
      {rows.error && <Alert type="error" showIcon message={rows.error} style={{ marginBottom: 12 }} data-testid="space-rows-error" />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" className="lt-mono" data-testid="space-rows-call">
            {t('space.rows.call', { callId: data.callId })}
          </Typography.Paragraph>
          <Table<DataRow & { __key: number }>
            rowKey="__key"
            size="small"
            data-testid="space-rows"
            loading={rows.loading}
            columns={data.fields.map((f) => ({ title: f, dataIndex: f, key: f, render: cell }))}
            dataSource={data.items.map((r, i) => ({ ...r, __key: i }))}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: (query.page - 1) * query.pageSize + data.items.length + (data.hasMore ? 1 : 0),
              onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
            }}
          />
        </>
      )}
    </Modal>
  );
}
