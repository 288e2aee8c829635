/**
 * A listed data product on the portal (挂牌标的), public: the seller and its broker, the asset's
 * registration number, category, region, data kinds, delivery and price, the description, the
 * usage policy with its ODRL reading and the ODRL offer itself (JSON, folded), the sample, and the
 * outcome of the compliance assessment it passed; for a signed-in buyer, the request to buy that
 * opens a negotiation.
 */
import { Alert, Button, Card, Col, Collapse, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import { formatTime } from '../../format/time.format';
import type { Pricing } from './listing.rules';
import { categoryLabel, dataKindLabel, deliveryLabel, PolicyView, PriceView, regionLabel, sampleKindLabel, SampleView } from './listing.view';
import { RequestToBuy } from './negotiation.view';

export default function MarketListingPage() {
  const { listingId = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const res = useApiResource(`market-listing-${listingId}`, () => unwrap(api.GET('/api/v1/public/exchange/listings/{listingId}', { params: { path: { listingId } } })));
  const l = res.data && res.data.id === listingId ? res.data : undefined;
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/market')} style={{ paddingLeft: 0 }} data-testid="market-back">
      {t('exchange.marketListing.back')}
    </Button>
  );
  if (res.loading && !l) return <Skeleton active />;
  if (!l) {
    return (
      <div>
        {back}
        <Alert type="error" showIcon title={res.error ?? t('exchange.marketListing.notFound')} data-testid="market-listing-error" />
      </div>
    );
  }
  return (
    <div data-testid="market-listing" data-id={l.id}>
      {back}
      <div className="lt-page-header">
        <Typography.Title level={2} data-testid="market-listing-title" style={{ margin: 0 }}>
          {orgName(l.title, locale)}
        </Typography.Title>
        <RequestToBuy listing={l} />
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('exchange.listing.col.price')}>
            <Typography.Text strong>
              <PriceView pricing={l.pricing as Pricing} testId="market-listing-price" />
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.registrationNumber')}>
            <span className="lt-mono" data-testid="market-listing-number">{l.registrationNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.seller')}>
            <span data-testid="market-listing-seller">{orgName(l.seller.name, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.broker')}>{l.broker ? orgName(l.broker.name, locale) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.category')}>{categoryLabel(t, l.category)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.region')}>{regionLabel(t, l.region)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listingForm.dataKinds')}>
            <Space wrap size={[4, 4]}>
              {l.dataKinds.map((k) => <Tag key={k}>{dataKindLabel(t, k)}</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.delivery')}>{l.deliveryMethods.map((d) => deliveryLabel(t, d)).join(t('exchange.sep.list'))}</Descriptions.Item>
          {l.listedAt && <Descriptions.Item label={t('exchange.listing.listedAt')}>{formatTime(l.listedAt, locale)}</Descriptions.Item>}
          {l.publicData?.feeCap && (
            <Descriptions.Item label={t('exchange.listing.feeCap')}>
              {l.publicData.feeCap.amount} {l.publicData.feeCap.unit}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('exchange.listing.description')}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="market-listing-description">{orgName(l.description, locale)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('exchange.marketListing.assessment')} style={{ marginBottom: 16 }} data-testid="market-listing-assessment" data-passed={l.assessment?.passed ?? ''}>
        {l.assessment ? (
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('exchange.marketListing.assessor')}>{orgName(l.assessment.assessorName, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.assessments.result')}>
              <Tag color={l.assessment.passed ? 'green' : 'red'}>{l.assessment.passed ? t('exchange.assessments.passed') : t('exchange.assessments.failed')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.marketListing.assessedAt')}>{formatTime(l.assessment.at, locale)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('exchange.marketListing.noAssessment')}</Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.listingForm.policy')} style={{ height: '100%' }}>
            <PolicyView policy={l.policy} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`${t('exchange.listing.sample')} · ${sampleKindLabel(t, l.sample.kind)}`} style={{ height: '100%' }}>
            <SampleView sample={l.sample} />
          </Card>
        </Col>
      </Row>
      <Collapse
        data-testid="market-odrl"
        items={[
          {
            key: 'odrl',
            label: t('exchange.odrl.json'),
            children: (
              <pre className="lt-mono" data-testid="market-odrl-json" style={{ margin: 0, maxHeight: 480, overflow: 'auto' }}>
                {JSON.stringify(l.odrl, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}
