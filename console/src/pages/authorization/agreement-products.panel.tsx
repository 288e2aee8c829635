/** The products and services an operator declares under an agreement in force (运营产品和服务). */
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Form, Input, Popconfirm, Row, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { productActions } from '../../access';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { AMOUNT, feeAboveCap, PRODUCT_KINDS, type ProductKind } from './agreement.rules';
import { feeText, kindLabel, ProductStatusTag, type AgreementDetail, type Product } from './authorization.view';

export function AgreementProductsPanel({ agreement, canDeclare }: { agreement: AgreementDetail; canDeclare: boolean }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [declaring, setDeclaring] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useApiResource(`authorization-products-${agreement.id}-${agreement.status}-${JSON.stringify(paging)}`, () =>
    unwrap(api.GET('/api/v1/authorization/products', { params: { query: { agreementId: agreement.id, page: paging.page, pageSize: paging.pageSize } } })),
  );
  const titleOf = (id: string) => {
    const s = agreement.scope.find((x) => x.resourceId === id);
    return s ? orgName(s.title, locale) : id;
  };
  const withdraw = async (p: Product) => {
    setBusy(p.id);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/authorization/products/{productId}/withdraw', { params: { path: { productId: p.id } } }));
      message.success(t('authorization.done.productWithdrawn'));
      list.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<Product>['columns'] = [
    { title: t('authorization.product.col.name'), key: 'name', render: (_: unknown, p: Product) => <span data-testid={`product-${p.id}`}>{orgName(p.name, locale)}</span> },
    { title: t('authorization.product.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => kindLabel(t, k) },
    { title: t('authorization.product.col.scenario'), dataIndex: 'scenario', key: 'scenario' },
    { title: t('authorization.product.col.resources'), dataIndex: 'resourceIds', key: 'resources', render: (ids: string[]) => ids.map(titleOf).join('；') },
    { title: t('authorization.product.col.fee'), dataIndex: 'fee', key: 'fee', render: (f: Product['fee']) => feeText(t, f) },
    { title: t('authorization.product.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => <ProductStatusTag t={t} status={s} /> },
    { title: t('authorization.product.col.declaredAt'), dataIndex: 'declaredAt', key: 'declaredAt', render: (v: string) => formatTime(v, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: Product) =>
        productActions(me ?? null, p).withdraw ? (
          <Popconfirm title={t('authorization.confirm.productWithdraw')} okText={t('authorization.action.productWithdraw')} cancelText={t('common.cancel')} onConfirm={() => withdraw(p)}>
            <Button size="small" danger loading={busy === p.id} data-testid={`product-withdraw-${p.id}`}>
              {t('authorization.action.productWithdraw')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('authorization.products.title')}
      data-testid="agreement-products"
      extra={
        canDeclare && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="product-declare">
            {t('authorization.action.declare')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('authorization.products.intro', { cap: feeText(t, agreement.feeCap) })}</Typography.Paragraph>
      {(error || list.error) && <Alert type="error" showIcon closable message={error ?? list.error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="product-error" />}
      <Table<Product>
        rowKey="id"
        size="small"
        data-testid="product-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
      {declaring && (
        <DeclareModal
          agreement={agreement}
          onClose={(done) => {
            setDeclaring(false);
            if (done) list.reload();
          }}
        />
      )}
    </Card>
  );
}

interface DeclareValues {
  nameZh: string;
  nameEn: string;
  kind: ProductKind;
  description?: string;
  resourceIds: string[];
  scenario: string;
  feeAmount?: string;
  feeUnit?: string;
}

/** The operator's declaration: within the scope, for an authorized scenario, at a fee within the cap. */
function DeclareModal({ agreement, onClose }: { agreement: AgreementDetail; onClose(done: boolean): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cap = agreement.feeCap;
  return (
    <FormModal open title={t('authorization.declare.title')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<DeclareValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'api',
          resourceIds: agreement.scope.map((s) => s.resourceId),
          ...(agreement.scenarios.length === 1 ? { scenario: agreement.scenarios[0] } : {}),
          ...(cap ? { feeUnit: cap.unit } : {}),
        }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const amount = v.feeAmount?.trim();
            const unit = v.feeUnit?.trim();
            await unwrap(
              api.POST('/api/v1/authorization/agreements/{agreementId}/products', {
                params: { path: { agreementId: agreement.id } },
                body: {
                  name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
                  kind: v.kind,
                  ...(v.description?.trim() ? { description: v.description.trim() } : {}),
                  resourceIds: v.resourceIds,
                  scenario: v.scenario.trim(),
                  ...(amount && unit ? { fee: { amount, unit } } : {}),
                },
              }),
            );
            message.success(t('authorization.done.declared'));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="nameZh" label={t('authorization.declare.nameZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('authorization.declare.nameRequired') }]}>
              <Input maxLength={200} data-testid="declare-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('authorization.declare.nameEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('authorization.declare.nameRequired') }]}>
              <Input maxLength={200} data-testid="declare-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t('authorization.product.col.kind')} rules={[{ required: true }]}>
          <Select data-testid="declare-kind" options={PRODUCT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('authorization.declare.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} data-testid="declare-description" />
        </Form.Item>
        <Form.Item name="resourceIds" label={t('authorization.product.col.resources')} rules={[{ required: true, type: 'array', min: 1, message: t('authorization.declare.resourcesRequired') }]}>
          <Checkbox.Group data-testid="declare-resources" options={agreement.scope.map((s) => ({ value: s.resourceId, label: orgName(s.title, locale) }))} />
        </Form.Item>
        <Form.Item
          name="scenario"
          label={t('authorization.product.col.scenario')}
          extra={agreement.scenarios.length ? t('authorization.declare.scenarioAuthorized') : undefined}
          rules={[{ required: true, whitespace: true, max: 500, message: t('authorization.declare.scenarioRequired') }]}
        >
          {agreement.scenarios.length ? (
            <Select data-testid="declare-scenario" options={agreement.scenarios.map((s) => ({ value: s, label: s }))} />
          ) : (
            <Input maxLength={500} data-testid="declare-scenario" />
          )}
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="feeAmount"
              label={t('authorization.declare.feeAmount')}
              dependencies={['feeUnit']}
              extra={t('authorization.declare.capHint', { cap: feeText(t, cap) })}
              rules={[
                { pattern: AMOUNT, message: t('authorization.apply.amountRule') },
                ({ getFieldValue }) => ({
                  validator: async (_r, value: string | undefined) => {
                    const unit = (getFieldValue('feeUnit') as string | undefined)?.trim() ?? '';
                    if (value?.trim() && !unit) throw new Error(t('authorization.rule.fee_pair'));
                    if (value?.trim() && feeAboveCap({ amount: value.trim(), unit }, cap)) throw new Error(t('authorization.declare.aboveCap', { cap: feeText(t, cap) }));
                  },
                }),
              ]}
            >
              <Input inputMode="decimal" maxLength={15} suffix={t('authorization.apply.yuan')} data-testid="declare-fee-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="feeUnit" label={t('authorization.declare.feeUnit')} rules={[{ max: 20 }]}>
              <AutoComplete options={cap ? [{ value: cap.unit }] : []} data-testid="declare-fee-unit">
                <Input maxLength={20} />
              </AutoComplete>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
