/**
 * The data market (数据交易市场), public: the listed data products — each a registered asset that
 * passed a compliance assessment and the exchange's review — searched by words (Chinese by
 * characters and pairs, as the server matches) and filtered by category, region, delivery method
 * and pricing model, as cards with their price in yuan. The query lives in the address. Beyond
 * 1,000 matches the server stops counting (`capped`): the total then reads as a lower bound.
 */
import { Alert, Card, Col, Empty, Input, Pagination, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useListParams } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import { DELIVERY_METHODS, LISTING_CATEGORIES, LISTING_REGIONS, PRICING_MODELS, type Pricing } from './listing.rules';
import { categoryLabel, deliveryLabel, pricingLabel, priceText, regionLabel, type ListingSummary } from './listing.view';

const PAGE_SIZE = 12;
const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

export default function MarketPage() {
  const { t, locale } = useI18n();
  const [params, set] = useListParams('all');
  const q = (params.get('q') ?? '').slice(0, 100);
  const category = pick(LISTING_CATEGORIES, params.get('category'));
  const region = pick(LISTING_REGIONS, params.get('region'));
  const delivery = pick(DELIVERY_METHODS, params.get('delivery'));
  const pricing = pick(PRICING_MODELS, params.get('pricing'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(category ? { category } : {}), ...(region ? { region } : {}), ...(delivery ? { delivery } : {}), ...(pricing ? { pricing } : {}) };
  const list = useApiResource(`market-listings-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/public/exchange/listings', { params: { query } })));
  const filter = (key: string, value: string | undefined, all: string, options: Array<{ value: string; label: string }>) => (
    <Select
      style={{ minWidth: 150, maxWidth: '100%' }}
      value={value ?? 'all'}
      onChange={(v) => set({ [key]: v })}
      options={[{ value: 'all', label: all }, ...options]}
      popupMatchSelectWidth={false}
      data-testid={`market-filter-${key}`}
    />
  );
  const items = list.data?.items ?? [];

  return (
    <div data-testid="market-listings" data-total={list.data && !list.loading ? list.data.total : undefined} data-capped={list.data?.capped ? 'true' : undefined}>
      <Typography.Title level={2} data-testid="market-listings-title">
        {t('exchange.marketList.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exchange.marketList.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search
          allowClear
          enterButton
          defaultValue={q}
          maxLength={100}
          style={{ width: 'min(420px, 100%)' }}
          placeholder={t('exchange.marketList.search')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="market-search"
        />
      </div>
      <div className="lt-toolbar">
        {filter('category', category, t('exchange.marketList.allCategories'), LISTING_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) })))}
        {filter('region', region, t('exchange.marketList.allRegions'), LISTING_REGIONS.map((r) => ({ value: r, label: regionLabel(t, r) })))}
        {filter('delivery', delivery, t('exchange.marketList.allDelivery'), DELIVERY_METHODS.map((d) => ({ value: d, label: deliveryLabel(t, d) })))}
        {filter('pricing', pricing, t('exchange.marketList.allPricing'), PRICING_MODELS.map((m) => ({ value: m, label: pricingLabel(t, m) })))}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Spin spinning={list.loading}>
        {items.length === 0 && !list.loading ? (
          <Empty description={t('exchange.marketList.empty')} data-testid="market-empty" />
        ) : (
          <Row gutter={[16, 16]} data-testid="market-cards">
            {items.map((l) => (
              <Col key={l.id} xs={24} md={12} xl={8}>
                <MarketCard l={l} locale={locale} />
              </Col>
            ))}
          </Row>
        )}
      </Spin>
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'center' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          showTotal={(total) => (list.data?.capped ? t('exchange.marketList.totalCapped', { total }) : t('common.total', { total }))}
          onChange={(p) => set({ page: p })}
          size="small"
        />
      )}
    </div>
  );
}

function MarketCard({ l, locale }: { l: ListingSummary; locale: string }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid={`market-card-${l.id}`}
      title={
        <Link to={`/market/${l.id}`} data-testid={`market-link-${l.id}`} style={{ whiteSpace: 'normal' }}>
          {orgName(l.title, locale)}
        </Link>
      }
    >
      <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 8 }} data-testid={`market-price-${l.id}`}>
        {priceText(t, l.pricing as Pricing)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('exchange.marketList.seller', { name: orgName(l.seller.name, locale) })}
      </Typography.Paragraph>
      <Space wrap size={[4, 4]}>
        <Tag color="blue">{categoryLabel(t, l.category)}</Tag>
        <Tag>{regionLabel(t, l.region)}</Tag>
        {l.deliveryMethods.map((d) => (
          <Tag key={d} color="geekblue">
            {deliveryLabel(t, d)}
          </Tag>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" className="lt-mono" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {l.registrationNumber}
      </Typography.Paragraph>
    </Card>
  );
}
