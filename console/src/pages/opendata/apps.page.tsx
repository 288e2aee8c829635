import { Alert, Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { i18nText } from './opendata.view';

/** The apps showcase (应用展示), public: approved apps built on open data. */
export default function OpenAppsPage() {
  const { t, locale } = useI18n();
  const apps = useApiResource('opendata-apps', () => unwrap(api.GET('/api/v1/public/opendata/apps', { params: { query: { page: 1, pageSize: 100 } } })));
  return (
    <div data-testid="opendata-apps">
      <Typography.Title level={3}>{t('opendata.apps.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('opendata.apps.intro')}</Typography.Paragraph>
      {apps.error && <Alert type="error" showIcon message={apps.error} />}
      {apps.data && apps.data.items.length === 0 && <Empty description={t('opendata.apps.empty')} />}
      <Row gutter={[16, 16]}>
        {(apps.data?.items ?? []).map((a) => (
          <Col key={a.id} xs={24} md={12} lg={8}>
            <Card title={i18nText(a.name, locale)} extra={<a href={a.url} target="_blank" rel="noreferrer noopener">{t('opendata.col.url')}</a>}>
              <Typography.Paragraph>{i18nText(a.description, locale)}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('opendata.col.datasets')}: </Typography.Text>
              {a.datasetIds.map((id) => (
                <Link key={id} to={`/open-data/${id}`} style={{ marginRight: 8 }} className="lt-mono">{id}</Link>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
