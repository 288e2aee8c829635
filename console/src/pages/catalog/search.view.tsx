/**
 * The catalog search, as one self-contained component: a query box, facet filters with their
 * counts, and a paged list of hits. `mode="console"` searches what the signed-in user may read
 * (GET /api/v1/catalog/search: resources and data elements); `mode="public"` searches open datasets
 * only, without login (GET /api/v1/public/search) — the open-data portal reuses it.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Input, List, Pagination, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { paths } from '../../api/openapi.schema';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import type { MessageKey } from '../../locales/index';

type SearchResult = paths['/api/v1/catalog/search']['get']['responses'][200]['content']['application/json'];
type Hit = SearchResult['items'][number];
type FacetName = keyof SearchResult['facets'];
type FacetValue = SearchResult['facets'][FacetName][number];

const FACETS: FacetName[] = ['type', 'body', 'category', 'level', 'sharing', 'open', 'format'];
/** Facets whose values are codes with a translation (the others carry their own label). */
const CODED: Partial<Record<FacetName, string>> = { type: 'search.type', level: 'search.level', sharing: 'search.sharing', open: 'search.open', format: 'search.format' };

interface Query {
  q: string;
  filters: Partial<Record<FacetName, string>>;
  page: number;
  pageSize: number;
}

const tr = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

function facetLabel(t: Translate, locale: string, facet: FacetName, v: FacetValue): string {
  const prefix = CODED[facet];
  if (prefix) return tr(t, `${prefix}.${v.value}`);
  return v.label ? orgName(v.label, locale) : v.value;
}

export function CatalogSearch({ mode, title, intro }: { mode: 'console' | 'public'; title?: ReactNode; intro?: ReactNode }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState<Query>({ q: '', filters: {}, page: 1, pageSize: 20 });
  const facets = mode === 'public' ? FACETS.filter((f) => f !== 'type') : FACETS;
  const result = useApiResource(`${mode}:${JSON.stringify(query)}`, async () => {
    const params = { ...(query.q ? { q: query.q } : {}), ...query.filters, page: query.page, pageSize: query.pageSize };
    if (mode === 'public') {
      const { type: _type, ...rest } = params as typeof params & { type?: string };
      return (await unwrap(api.GET('/api/v1/public/search', { params: { query: rest as any } }))) as SearchResult;
    }
    return unwrap(api.GET('/api/v1/catalog/search', { params: { query: params as any } }));
  });
  const data = result.data;
  const toggle = (facet: FacetName, value: string) =>
    setQuery((p) => ({ ...p, page: 1, filters: { ...p.filters, [facet]: p.filters[facet] === value ? undefined : value } }));
  const link = (h: Hit) => (mode === 'public' ? null : h.type === 'resource' ? `/console/catalog/resources/${h.id}` : '/console/catalog/elements');

  return (
    <div data-testid={`search-${mode}`}>
      {title}
      {intro}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton
          maxLength={100}
          placeholder={t('search.placeholder')}
          style={{ width: 'min(420px, calc(100vw - 48px))' }}
          onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))}
          data-testid="search-input"
        />
        {Object.values(query.filters).some(Boolean) && (
          <Button onClick={() => setQuery((p) => ({ ...p, filters: {}, page: 1 }))} data-testid="search-clear">
            {t('search.clearFilters')}
          </Button>
        )}
      </Space>
      {result.error && <Alert type="error" showIcon message={result.error} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={7} lg={6}>
          {facets.map((facet) => {
            const values = data?.facets[facet] ?? [];
            if (values.length === 0 && !query.filters[facet]) return null;
            return (
              <Card key={facet} size="small" title={tr(t, `search.facet.${facet}`)} style={{ marginBottom: 12 }} data-testid={`facet-${facet}`}>
                <Space size={[4, 8]} wrap>
                  {values.map((v) => (
                    <Tag.CheckableTag key={v.value} checked={query.filters[facet] === v.value} onChange={() => toggle(facet, v.value)} data-facet-value={v.value}>
                      {facetLabel(t, locale, facet, v)} ({v.count})
                    </Tag.CheckableTag>
                  ))}
                </Space>
              </Card>
            );
          })}
        </Col>
        <Col xs={24} md={17} lg={18}>
          {data && (
            <Typography.Paragraph type="secondary" data-testid="search-total">
              {data.totalExact ? t('search.total', { total: data.total }) : t('search.totalCapped', { total: data.total })}
            </Typography.Paragraph>
          )}
          <List<Hit>
            loading={result.loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={t('search.empty')} /> }}
            data-testid="search-results"
            renderItem={(h) => {
              const to = link(h);
              const name = orgName(h.title, locale);
              return (
                <List.Item key={`${h.type}:${h.id}`} data-hit-id={h.id}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={h.type === 'resource' ? 'blue' : 'purple'}>{tr(t, `search.type.${h.type}`)}</Tag>
                        {to ? <Link to={to}>{name}</Link> : <span>{name}</span>}
                        {h.code && <Typography.Text code>{h.code}</Typography.Text>}
                        <Tag>{tr(t, `search.status.${h.status}`)}</Tag>
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={4} style={{ width: '100%' }}>
                        {h.summary && <Typography.Text>{orgName(h.summary, locale)}</Typography.Text>}
                        <Space wrap size={[4, 4]}>
                          <Typography.Text type="secondary">{orgName(h.body.name, locale)}</Typography.Text>
                          {h.category && <Tag>{orgName(h.category.name, locale)}</Tag>}
                          {h.level && <Tag>{tr(t, `search.level.${h.level}`)}</Tag>}
                          {h.sharing && mode === 'console' && <Tag>{tr(t, `search.sharing.${h.sharing}`)}</Tag>}
                          {h.open && <Tag>{tr(t, `search.open.${h.open}`)}</Tag>}
                          {h.format && <Tag>{tr(t, `search.format.${h.format}`)}</Tag>}
                          {h.version !== null && <Typography.Text type="secondary">{t('search.hit.version', { version: h.version })}</Typography.Text>}
                          <Typography.Text type="secondary">{t('search.hit.updatedAt', { time: formatTime(h.updatedAt, locale) })}</Typography.Text>
                        </Space>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
          {data && data.total > 0 && (
            <Pagination
              style={{ marginTop: 16 }}
              current={query.page}
              pageSize={query.pageSize}
              total={data.total}
              showSizeChanger
              onChange={(page, pageSize) => setQuery((p) => ({ ...p, page, pageSize }))}
            />
          )}
        </Col>
      </Row>
    </div>
  );
}
