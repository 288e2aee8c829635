/**
 * API delivery (接口交付) on a contract in force: the seller opens API access — a gateway grant to the
 * buyer on the asset's catalog resource, bounded by the contract (the listing policy's fields, preset
 * and locked, or the fields the seller picks from the resource; the period to the end of its last
 * day in Beijing time; the contract's uses as the most calls); both sides then see the grant with
 * its calls used of the most and its expiry; the buyer sees how to call the gateway with its own
 * credentials and where its grants are. A per-call or tiered contract delivered by API is billed by
 * use: when the calls run out or the period ends the exchange bills the calls made (the rest of the
 * escrow refunded) and settles that; once billed, the billed uses show. Refusals show the server's
 * message in the page.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import type { TradeSteps } from '../../access';
import { apiCallPath, apiFieldsProblem } from './trade.rules';
import type { Negotiation } from './negotiation.view';

/** The fields the seller may grant: the asset's catalog resource's (listing → registered asset → resource). */
function useResourceFields(listingId: string, enabled: boolean) {
  return useApiResource(`trade-api-fields-${listingId}-${enabled}`, async () => {
    if (!enabled) return null;
    const listing = await unwrap(api.GET('/api/v1/exchange/listings/{listingId}', { params: { path: { listingId } } }));
    const assets = (await unwrap(api.GET('/api/v1/registry/applications', { params: { query: { box: 'assets', page: 1, pageSize: 100 } } }))).items;
    const resourceId = assets.find((a) => a.assetId === listing.assetId && a.resourceId)?.resourceId ?? null;
    if (!resourceId) return { resourceId: null, fields: [] as Array<{ name: string; label: { zh: string; en: string } }> };
    const resource = await unwrap(api.GET('/api/v1/catalog/resources/{resourceId}', { params: { path: { resourceId } } }));
    return { resourceId, fields: resource.fields.map((f) => ({ name: f.name, label: f.label })) };
  });
}

export function ApiAccessSection({ n, can, onChanged }: { n: Negotiation; can: TradeSteps; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ fields: string[]; note: string }>();
  const policyFields = n.policy.fields ?? null;
  const usage = useApiResource(`trade-api-usage-${n.id}-${n.grantId ?? ''}-${n.billing?.billedAt ?? ''}-${round}`, async () =>
    n.grantId ? unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}/api-usage', { params: { path: { negotiationId: n.id } } })) : null,
  );
  const choices = useResourceFields(n.listingId, can.deliverApi && !policyFields);
  const byUse = n.billing?.byUse ?? false;
  if (!n.grantId && !can.deliverApi && !byUse) return null;

  const open = async (v: { fields?: string[]; note?: string }) => {
    const fields = policyFields ?? v.fields ?? [];
    const problem = apiFieldsProblem(fields, policyFields);
    if (problem) {
      setError(t(`trade.api.problem.${problem}`));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const d = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/deliveries/api', {
        params: { path: { negotiationId: n.id } },
        body: { ...(policyFields ? {} : { fields }), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      }));
      message.success(t('trade.api.opened', { grant: d.grant.id }));
      setRound((r) => r + 1);
      onChanged();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const grant = usage.data?.grant ?? null;
  const billedUses = n.billing?.billedUses ?? null;
  return (
    <Card
      title={<Space><ApiOutlined />{t('trade.api.title')}</Space>}
      style={{ marginBottom: 16 }}
      data-testid="api-access"
      data-grant-id={n.grantId ?? ''}
      data-by-use={byUse ? 'true' : 'false'}
    >
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="api-error" />}
      {usage.error && <Alert type="error" showIcon title={usage.error} style={{ marginBottom: 12 }} />}
      {can.deliverApi && (
        <Card type="inner" size="small" title={t('trade.api.open')} style={{ marginBottom: 12 }} data-testid="api-form">
          <Typography.Paragraph type="secondary">{t('trade.api.openHint', { end: n.endsOn ?? '—', uses: n.terms.maxUses ?? t('trade.api.unlimited') })}</Typography.Paragraph>
          {choices.error && <Alert type="error" showIcon title={choices.error} style={{ marginBottom: 12 }} />}
          {!policyFields && choices.data && !choices.data.resourceId && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('trade.api.noResource')} data-testid="api-no-resource" />}
          <Form form={form} layout="vertical" initialValues={{ fields: policyFields ?? [] }} onFinish={(v) => void open(v)}>
            <Form.Item
              name="fields"
              label={t('trade.api.fields')}
              extra={policyFields ? t('trade.api.fieldsLocked') : t('trade.api.fieldsHint')}
              rules={policyFields ? [] : [{ required: true, type: 'array', min: 1, message: t('trade.api.problem.fields_required') }]}
            >
              <Checkbox.Group
                disabled={!!policyFields}
                data-testid="api-fields"
                data-locked={policyFields ? 'true' : 'false'}
                options={(policyFields ?? []).length > 0
                  ? policyFields!.map((f) => ({ value: f, label: <span className="lt-mono" data-testid={`api-field-${f}`}>{f}</span> }))
                  : (choices.data?.fields ?? []).map((f) => ({ value: f.name, label: <span data-testid={`api-field-${f.name}`}><span className="lt-mono">{f.name}</span> {locale === 'en-US' ? f.label.en : f.label.zh}</span> }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('trade.delivery.note')}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="api-note" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<ApiOutlined />} loading={busy} data-testid="api-submit">
              {t('trade.api.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {grant && (
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="api-grant"
          data-grant-id={grant.id}
          data-status={grant.status}
          data-calls-used={grant.callsUsed}
          data-max-calls={grant.maxCalls ?? ''}
          data-expires={grant.expiresAt ?? ''}
          data-fields={grant.fields.join(',')}
        >
          <Descriptions.Item label={t('trade.api.grant')}>
            <Typography.Text className="lt-mono" copyable={{ text: grant.id }}>{grant.id}</Typography.Text>{' '}
            <Tag color={grant.status === 'active' ? 'green' : 'default'}>{t(grant.status === 'active' ? 'trade.api.active' : 'trade.api.inactive')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.api.resource')}>
            <span className="lt-mono">{grant.resourceId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.api.fields')}>
            <Space wrap size={[4, 4]}>{grant.fields.map((f) => <Tag key={f} className="lt-mono">{f}</Tag>)}</Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.api.calls')}>
            <span data-testid="api-calls">{grant.maxCalls === null ? t('trade.api.callsUnlimited', { used: grant.callsUsed }) : t('trade.api.callsOf', { used: grant.callsUsed, max: grant.maxCalls })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.api.expires')}>
            <span data-testid="api-expires">{t('trade.api.expiresAt', { time: formatTime(grant.expiresAt, locale, false) })}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {grant && n.viewerParty === 'buyer' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="api-call-hint"
          title={t('trade.api.howToCall')}
          description={
            <Space orientation="vertical" size={4} style={{ maxWidth: '100%' }}>
              <Typography.Text className="lt-mono" copyable style={{ wordBreak: 'break-all' }} data-testid="api-call-path">
                {t('trade.api.callLine', { path: apiCallPath(grant.resourceId, grant.id) })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('trade.api.howToCallHint')}</Typography.Text>
              <Link to="/console/gateway/grants" data-testid="api-my-grants">{t('trade.api.toMyGrants')}</Link>
            </Space>
          }
        />
      )}
      {byUse && (
        <Alert
          type={billedUses !== null ? 'success' : 'info'}
          showIcon
          data-testid="api-billing"
          data-billed-uses={billedUses ?? ''}
          data-billed-at={n.billing?.billedAt ?? ''}
          title={billedUses !== null ? t('trade.api.billed', { uses: billedUses, time: formatTime(n.billing!.billedAt, locale, false) }) : t('trade.api.byUse')}
          description={billedUses !== null ? undefined : t('trade.api.byUseHint')}
        />
      )}
    </Card>
  );
}
