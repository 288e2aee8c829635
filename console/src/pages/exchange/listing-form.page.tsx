/**
 * The listing form (新建挂牌 / 编辑挂牌草稿): a registered data asset the organisation holds (or,
 * for a data broker, one its client holds under a sell mandate), the titles and descriptions in
 * both languages, category, region and the kinds of data it contains, a masked or synthetic
 * sample, the delivery methods, the price (entered in yuan, sent in fen) and the usage policy.
 * The browser checks what the server would refuse first (the sample's size and JSON, the tiers'
 * order); the server's refusals (registration, prohibited kinds, fee cap) show on top.
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Empty, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { orgName } from '../../format/labels';
import {
  contentBody, DATA_KINDS, DELIVERY_METHODS, emptyListingValues, LIMITS, LISTING_CATEGORIES, LISTING_REGIONS, listingValues, MAX_SAMPLE_BYTES, PERIODS, PRICING_MODELS,
  policyFieldsProblem, priceFen, SAMPLE_KINDS, SAMPLE_MEDIA_TYPES, sampleProblem, tiersProblem, utf8Bytes, type ListingFormValues, type TierValues,
} from './listing.rules';
import {
  categoryLabel, dataKindLabel, deliveryLabel, mediaTypeLabel, periodLabel, pricingLabel, problemLabel, regionLabel, sampleKindLabel, type Listing,
} from './listing.view';

export default function ListingFormPage() {
  const { listingId } = useParams();
  const { t } = useI18n();
  const existing = useApiResource(`listing-form-${listingId ?? 'new'}`, async () =>
    listingId ? unwrap(api.GET('/api/v1/exchange/listings/{listingId}', { params: { path: { listingId } } })) : null,
  );
  if (!listingId) return <ListingForm key="new" listing={null} />;
  const l = existing.data && existing.data.id === listingId ? existing.data : undefined;
  if (existing.loading && !l) return <Skeleton active />;
  if (!l) return <Alert type="error" showIcon title={existing.error ?? t('exchange.listing.notFound')} data-testid="listing-form-load-error" />;
  if (l.status !== 'draft' || l.viewerRole !== 'party') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="listing-form-not-draft"
        title={t('exchange.listingForm.notDraft')}
        action={<Link to={`/console/exchange/listings/${l.id}`}>{t('exchange.listingForm.toDetail')}</Link>}
      />
    );
  }
  return <ListingForm key={l.id} listing={l} />;
}

const PAGE = { page: 1, pageSize: 100 } as const;

/** What the asset picker offers: the organisation's registered assets, or (for a broker listing for a client) the client's. */
function useAssetChoices(orgId: string, clientOrgId: string | undefined, enabled: boolean) {
  const own = useApiResource(`listing-form-assets-${orgId}-${enabled}`, async () => {
    if (!enabled) return [];
    const items = (await unwrap(api.GET('/api/v1/registry/applications', { params: { query: { box: 'assets', ...PAGE } } }))).items;
    return items.filter((a) => a.type === 'first' && (!a.asset || a.asset.status === 'active')).map((a) => ({ assetId: a.assetId, title: a.title, registrationNumber: a.registrationNumber }));
  });
  const mandates = useApiResource(`listing-form-mandates-${orgId}-${enabled}`, async () => {
    if (!enabled) return [];
    const items = (await unwrap(api.GET('/api/v1/exchange/mandates', { params: { query: { box: 'broker', status: 'active', ...PAGE } } }))).items;
    return items.filter((m) => m.inForce && (m.side === 'sell' || m.side === 'both'));
  });
  // The client's registered assets from the public register (holderOrgId): a broker has no box=assets for a client.
  const client = useApiResource(`listing-form-client-assets-${clientOrgId ?? ''}`, async () => {
    if (!clientOrgId) return [];
    const items = (await unwrap(api.GET('/api/v1/public/registry/assets', { params: { query: { status: 'registered', holderOrgId: clientOrgId, page: 1, pageSize: 200 } } }))).items;
    return items.filter((a) => a.holder?.orgId === clientOrgId && a.assetStatus === 'active').map((a) => ({ assetId: a.assetId, title: a.title, registrationNumber: a.registrationNumber }));
  });
  return { own, mandates, client };
}

function ListingForm({ listing }: { listing: Listing | null }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ListingFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The tiers' list rule runs when rows are added too: it speaks only once a save was tried.
  const tiersArmed = useRef(false);
  const sellerOrgId = Form.useWatch('sellerOrgId', form);
  const pricingModel = Form.useWatch('pricingModel', form) ?? listing?.pricing.model ?? 'one_off';
  const mediaType = Form.useWatch('sampleMediaType', form);
  const deliveryMethods: readonly string[] = Form.useWatch('deliveryMethods', form) ?? listing?.deliveryMethods ?? [];
  const sample = Form.useWatch('sampleContent', form) ?? '';
  const choices = useAssetChoices(me?.orgId ?? '', sellerOrgId || undefined, !listing);
  const assets = (sellerOrgId ? choices.client.data : choices.own.data) ?? [];

  const save = async () => {
    tiersArmed.current = true;
    let v: ListingFormValues;
    try {
      await form.validateFields();
      v = form.getFieldsValue(true) as ListingFormValues;
    } catch {
      setError(t('exchange.listingForm.invalid'));
      return;
    }
    const content = contentBody(v);
    if (!content) {
      setError(t('exchange.listingForm.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = listing
        ? await unwrap(api.PUT('/api/v1/exchange/listings/{listingId}', { params: { path: { listingId: listing.id } }, body: content }))
        : await unwrap(api.POST('/api/v1/exchange/listings', { body: { assetId: v.assetId!, ...(v.sellerOrgId ? { sellerOrgId: v.sellerOrgId } : {}), ...content } }));
      message.success(t('exchange.listingForm.saved'));
      navigate(`/console/exchange/listings/${saved.id}`);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  /** Choosing an asset fills the titles while they are empty; choosing another seller clears the asset. */
  const onValuesChange = (changed: Partial<ListingFormValues>) => {
    if ('sellerOrgId' in changed) form.setFieldValue('assetId', undefined);
    if (changed.assetId) {
      const a = assets.find((x) => x.assetId === changed.assetId);
      const v = form.getFieldsValue(true) as ListingFormValues;
      if (a && !v.titleZh?.trim() && !v.titleEn?.trim()) form.setFieldsValue({ titleZh: a.title.zh, titleEn: a.title.en });
    }
    // Once a save was tried, the tiers are checked again as they change (the list's own rule runs on adding and removing only).
    if (tiersArmed.current && 'tiers' in changed) form.validateFields([['tiers']]).catch(() => {});
    if ('sampleMediaType' in changed && form.getFieldValue('sampleContent')) form.validateFields(['sampleContent']).catch(() => {});
  };

  const required = { required: true, message: t('exchange.required') };
  const text = (max: number) => [{ required: true, whitespace: true, message: t('exchange.required') }, { max }];
  const amountRule = { required: true, validator: async (_: unknown, v: string | undefined) => { if (!priceFen(v)) throw new Error(t('exchange.listingForm.amountRule')); } };

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="listing-form-title">
          {listing ? t('exchange.listingForm.editTitle') : t('exchange.listingForm.newTitle')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.listingForm.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 1040 }} data-testid="listing-form" data-listing={listing?.id ?? ''}>
        {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} data-testid="listing-form-error" onClose={() => setError(null)} />}
        <Form<ListingFormValues> form={form} layout="vertical" initialValues={listing ? listingValues(listing) : emptyListingValues()} onValuesChange={onValuesChange}>
          <Divider titlePlacement="start">{t('exchange.listingForm.subject')}</Divider>
          {listing ? (
            <Typography.Paragraph data-testid="listing-form-asset">
              {t('exchange.listingForm.assetOption', { title: orgName(listing.title, locale), number: listing.registrationNumber })}
            </Typography.Paragraph>
          ) : (
            <Row gutter={16}>
              {(choices.mandates.data ?? []).length > 0 && (
                <Col xs={24} md={12}>
                  <Form.Item name="sellerOrgId" label={t('exchange.listingForm.seller')} extra={t('exchange.listingForm.sellerHint')}>
                    <Select
                      allowClear
                      placeholder={t('exchange.listingForm.sellerSelf')}
                      options={(choices.mandates.data ?? []).map((m) => ({ value: m.clientOrgId, label: orgName(m.clientName, locale) }))}
                      data-testid="listing-seller"
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="assetId" label={t('exchange.listingForm.asset')} extra={t('exchange.listingForm.assetHint')} rules={[required]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    loading={choices.own.loading || choices.client.loading}
                    notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.listingForm.noAssets')} />}
                    options={assets.map((a) => ({ value: a.assetId, label: t('exchange.listingForm.assetOption', { title: orgName(a.title, locale), number: a.registrationNumber ?? '—' }) }))}
                    data-testid="listing-asset"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}

          <Divider titlePlacement="start">{t('exchange.listingForm.basics')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="titleZh" label={t('exchange.listingForm.titleZh')} rules={text(LIMITS.title)}>
                <Input maxLength={LIMITS.title} data-testid="listing-title-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('exchange.listingForm.titleEn')} rules={text(LIMITS.title)}>
                <Input maxLength={LIMITS.title} data-testid="listing-title-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="descriptionZh" label={t('exchange.listingForm.descriptionZh')} rules={text(LIMITS.description)}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.description} data-testid="listing-description-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="descriptionEn" label={t('exchange.listingForm.descriptionEn')} rules={text(LIMITS.description)}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.description} data-testid="listing-description-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="category" label={t('exchange.listing.col.category')} rules={[required]}>
                <Select showSearch optionFilterProp="label" options={LISTING_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} data-testid="listing-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="region" label={t('exchange.listing.col.region')} rules={[required]}>
                <Select showSearch optionFilterProp="label" options={LISTING_REGIONS.map((r) => ({ value: r, label: regionLabel(t, r) }))} data-testid="listing-region" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="dataKinds"
                label={t('exchange.listingForm.dataKinds')}
                extra={t('exchange.listingForm.dataKindsHint')}
                rules={[{ required: true, type: 'array', min: 1, message: t('exchange.listingForm.atLeastOne') }]}
              >
                <Checkbox.Group options={DATA_KINDS.map((k) => ({ value: k, label: dataKindLabel(t, k) }))} data-testid="listing-data-kinds" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('exchange.listingForm.sample')}</Divider>
          <Typography.Paragraph type="secondary">{t('exchange.listingForm.sampleHint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="sampleKind" label={t('exchange.listingForm.sampleKind')} rules={[required]}>
                <Radio.Group options={SAMPLE_KINDS.map((k) => ({ value: k, label: sampleKindLabel(t, k) }))} data-testid="listing-sample-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sampleMediaType" label={t('exchange.listingForm.mediaType')} rules={[required]}>
                <Radio.Group options={SAMPLE_MEDIA_TYPES.map((m) => ({ value: m, label: mediaTypeLabel(t, m) }))} data-testid="listing-sample-media-type" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="sampleContent"
                label={t('exchange.listingForm.sampleContent')}
                extra={t('exchange.listingForm.sampleSize', { bytes: utf8Bytes(sample), max: MAX_SAMPLE_BYTES })}
                rules={[{ required: true, validator: async (_: unknown, v: string | undefined) => { const p = sampleProblem(mediaType ?? form.getFieldValue('sampleMediaType'), v); if (p) throw new Error(problemLabel(t, p)); } }]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} className="lt-mono" spellCheck={false} data-testid="listing-sample-content" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('exchange.listingForm.delivery')}</Divider>
          <Form.Item name="deliveryMethods" label={t('exchange.listing.col.delivery')} rules={[{ required: true, type: 'array', min: 1, message: t('exchange.listingForm.atLeastOne') }]}>
            <Checkbox.Group options={DELIVERY_METHODS.map((d) => ({ value: d, label: deliveryLabel(t, d) }))} data-testid="listing-delivery" />
          </Form.Item>
          {deliveryMethods.includes('api') && (
            <Form.Item
              name="apiFields"
              label={t('exchange.listingForm.apiFields')}
              extra={t('exchange.listingForm.apiFieldsHint')}
              rules={[{ validator: async (_: unknown, v: string[] | undefined) => { const p = policyFieldsProblem(v); if (p) throw new Error(t(`exchange.listingForm.apiFieldsRule.${p}`)); } }]}
            >
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} className="lt-mono" data-testid="listing-api-fields" />
            </Form.Item>
          )}
          <Form.Item name="pricingModel" label={t('exchange.listingForm.pricingModel')} rules={[required]}>
            <Radio.Group options={PRICING_MODELS.map((m) => ({ value: m, label: pricingLabel(t, m) }))} data-testid="listing-pricing-model" />
          </Form.Item>
          {(pricingModel === 'one_off' || pricingModel === 'per_call' || pricingModel === 'subscription') && (
            <Row gutter={16}>
              <Col xs={24} sm={12} md={8}>
                <Form.Item name="amountYuan" label={t('exchange.listingForm.amount')} rules={[amountRule]}>
                  <Input inputMode="decimal" prefix="¥" maxLength={24} data-testid="listing-amount" />
                </Form.Item>
              </Col>
              {pricingModel === 'subscription' && (
                <Col xs={24} sm={12} md={8}>
                  <Form.Item name="period" label={t('exchange.listingForm.period')} rules={[required]}>
                    <Radio.Group options={PERIODS.map((p) => ({ value: p, label: periodLabel(t, p) }))} data-testid="listing-period" />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          {pricingModel === 'tiered' && <TiersField armed={tiersArmed} />}

          <Divider titlePlacement="start">{t('exchange.listingForm.policy')}</Divider>
          <Typography.Paragraph type="secondary">{t('exchange.listingForm.policyHint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item
                name="purposes"
                label={t('exchange.listingForm.purposes')}
                extra={t('exchange.listingForm.purposesHint')}
                rules={[{
                  required: true,
                  validator: async (_: unknown, v: string[] | undefined) => {
                    const list = (v ?? []).map((p) => p.trim()).filter(Boolean);
                    if (list.length < 1 || list.length > LIMITS.purposes || list.some((p) => p.length > LIMITS.purpose)) throw new Error(t('exchange.listingForm.purposesRule'));
                  },
                }]}
              >
                <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} data-testid="listing-purposes" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="periodDays" label={t('exchange.listingForm.periodDays')} rules={[{ required: true, type: 'integer', min: 1, max: LIMITS.periodDays, message: t('exchange.listingForm.periodDaysRule') }]}>
                <InputNumber min={1} max={LIMITS.periodDays} precision={0} style={{ width: '100%' }} data-testid="listing-period-days" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maxUses" label={t('exchange.listingForm.maxUses')} extra={t('exchange.listingForm.maxUsesHint')} rules={[{ type: 'integer', min: 1, message: t('exchange.listingForm.maxUsesRule') }]}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="listing-max-uses" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {(['noResale', 'mainlandOnly', 'noReidentification', 'destructionRequired'] as const).map((flag) => (
                <Form.Item key={flag} name={flag} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox data-testid={`listing-policy-${flag}`}>{t(`exchange.policy.${flag}`)}</Checkbox>
                </Form.Item>
              ))}
            </Col>
          </Row>
        </Form>
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} onClick={save} data-testid="listing-save">
            {t('exchange.listingForm.save')}
          </Button>
          <Button onClick={() => navigate(listing ? `/console/exchange/listings/${listing.id}` : '/console/exchange/listings')} data-testid="listing-cancel">
            {t('common.cancel')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}

/** The tiers of a tiered price: "up to" calls (ascending, the last left empty) and the price per call in yuan. */
function TiersField({ armed }: { armed: { current: boolean } }) {
  const { t } = useI18n();
  return (
    <div data-testid="listing-tiers">
      <Typography.Paragraph type="secondary">{t('exchange.listingForm.tiersHint')}</Typography.Paragraph>
      <Form.List
        name="tiers"
        rules={[{
          validator: async (_: unknown, tiers: TierValues[] | undefined) => {
            if (!armed.current) return;
            const p = tiersProblem(tiers ?? []);
            if (!p) return;
            const text = problemLabel(t, p.problem);
            throw new Error(p.problem === 'tiers_at_least_two' || p.problem === 'tiers_at_most_ten' ? text : t('exchange.problem.tier', { n: p.index + 1, problem: text }));
          },
        }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12} align="bottom" data-testid={`listing-tier-${index}`}>
                <Col xs={10} sm={9}>
                  <Form.Item name={[field.name, 'upTo']} label={t('exchange.listingForm.tierUpTo')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder={t('exchange.listingForm.tierOpen')} data-testid={`listing-tier-${index}-up-to`} />
                  </Form.Item>
                </Col>
                <Col xs={10} sm={9}>
                  <Form.Item name={[field.name, 'amountYuan']} label={t('exchange.listingForm.tierAmount')}>
                    <Input inputMode="decimal" prefix="¥" maxLength={24} data-testid={`listing-tier-${index}-amount`} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={6}>
                  <Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 2}
                      onClick={() => remove(field.name)}
                      aria-label={t('exchange.listingForm.tierRemove')}
                      data-testid={`listing-tier-${index}-remove`}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <div data-testid="listing-tiers-error">
              <Form.ErrorList errors={errors} />
            </div>
            {fields.length < LIMITS.tiers && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ upTo: null, amountYuan: '' })} style={{ margin: '8px 0 16px' }} data-testid="listing-tier-add">
                {t('exchange.listingForm.addTier')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </div>
  );
}
