import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { orgName } from '../../format/labels';
import type { MessageKey } from '../../locales/index';
import { refusal, useOrgNames } from '../catalog/resource.view';
import { endOfShanghaiDay, MAX_ITEMS, MAX_USES, periodProblem, residentIdProblem, shanghaiDay, shanghaiMonth, usccProblem, validityProblem } from './space.rules';
import { msg, purposeLabel, text } from './space.view';

interface Values {
  holderKind: 'legal_person' | 'natural_person';
  holderUscc: string;
  holderResidentId: string;
  itemIds: string[];
  purpose: string;
  purposeText: string;
  periodFrom: string;
  periodTo: string;
  validUntil: string;
  maxUses: number;
}

/** Every rule the server would refuse, in words, computed from the form as it stands. */
export function requestProblems(t: Translate, v: Partial<Values>, now: Date = new Date()): string[] {
  const out: string[] = [];
  if (!v.itemIds?.length) out.push(t('space.rule.items'));
  const pp = periodProblem(v.periodFrom, v.periodTo);
  if (pp) out.push(msg(t, `space.rule.period.${pp}`));
  const vp = validityProblem(v.validUntil, now);
  if (vp) out.push(msg(t, `space.rule.validity.${vp}`));
  return out;
}

/**
 * A request to an enterprise (the holder, by its USCC) or a person (by resident ID) for named data items (数据授权申请): for a
 * purpose, a data period of months, until a date and for a number of uses per item. The rules are
 * shown before sending; the holder approves or rejects in its digital space.
 */
export default function ConsentRequestPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = (Form.useWatch('holderKind', form) as Values['holderKind'] | undefined) ?? 'legal_person';
  // An enterprise is asked for legal-person items by its USCC; a person for natural-person items by resident ID.
  const items = useApiResource(`space-data-items-${kind}`, async () => (await unwrap(api.GET('/api/v1/authorization/data-items', { params: { query: { subjectKind: kind } } }))).items);
  const purposes = useApiResource('space-purposes', async () => (await unwrap(api.GET('/api/v1/authorization/purposes'))).items);
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const problems = requestProblems(t, watched ?? {});
  const uscc = kind === 'legal_person' ? (watched?.holderUscc ?? '').trim() : '';
  const validUscc = uscc.length === 18 && usccProblem(uscc) === null ? uscc : null;
  // Who the code belongs to (organisations are listed to every signed-in user); the server decides.
  const holder = useApiResource(`space-holder-${validUscc ?? 'none'}`, async () => {
    if (!validUscc) return null;
    const found = await unwrap(api.GET('/api/v1/orgs', { params: { query: { q: validUscc, page: 1, pageSize: 5, sort: 'name', order: 'asc' } } }));
    return found.items.find((o) => o.uscc === validUscc) ?? false;
  });

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('space.request.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('space.request.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 1040 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="request-error" />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="request-rules"
          message={t('space.request.rules.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('space.request.rules.holder')}</li>
              <li>{t('space.request.rules.scope')}</li>
              <li>{t('space.request.rules.revoke')}</li>
              <li>{t('space.request.rules.deletion')}</li>
            </ul>
          }
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ holderKind: 'legal_person', itemIds: [], periodFrom: shanghaiMonth(new Date(), -12), periodTo: shanghaiMonth(new Date(), -1), validUntil: shanghaiDay(new Date(), 90), maxUses: 10 }}
          onFinish={async (v) => {
            setError(null);
            if (requestProblems(t, v).length) return;
            setBusy(true);
            try {
              const created = await unwrap(
                api.POST('/api/v1/authorization/consents', {
                  body: {
                    ...(v.holderKind === 'natural_person' ? { holderResidentId: v.holderResidentId.trim().toUpperCase() } : { holderUscc: v.holderUscc.trim() }),
                    itemIds: v.itemIds,
                    purpose: v.purpose,
                    purposeText: v.purposeText.trim(),
                    periodFrom: v.periodFrom,
                    periodTo: v.periodTo,
                    validUntil: endOfShanghaiDay(v.validUntil),
                    maxUses: v.maxUses,
                  },
                }),
              );
              message.success(t('space.request.done'));
              navigate(`/console/space/authorizations/${created.id}`);
            } catch (err) {
              setError(refusal(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Divider titlePlacement="start">{t('space.request.parties')}</Divider>
          <Form.Item name="holderKind" label={t('space.field.holderKind')}>
            <Radio.Group data-testid="request-holder-kind" onChange={() => form.setFieldValue('itemIds', [])}>
              <Radio value="legal_person">{t('space.holderKind.legal_person')}</Radio>
              <Radio value="natural_person">{t('space.holderKind.natural_person')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {kind === 'natural_person' ? (
                <Form.Item
                  name="holderResidentId"
                  label={t('space.field.holderResidentId')}
                  extra={t('space.request.residentIdHint')}
                  validateFirst
                  rules={[
                    { required: true, message: t('space.rule.residentId.format') },
                    {
                      validator: async (_rule, value: string) => {
                        const p = residentIdProblem((value ?? '').trim());
                        if (p) throw new Error(msg(t, `space.rule.residentId.${p}`));
                      },
                    },
                  ]}
                >
                  <Input maxLength={18} className="lt-mono" data-testid="request-resident-id" />
                </Form.Item>
              ) : (
              <Form.Item
                name="holderUscc"
                label={t('space.field.holderUscc')}
                extra={t('space.request.usccHint')}
                validateFirst
                rules={[
                  { required: true, message: t('orgs.form.usccRequired') },
                  {
                    validator: async (_rule, value: string) => {
                      // The same GB 32100-2015 check the server applies at registration, and the request's shape.
                      const p = usccProblem((value ?? '').trim());
                      if (p === 'shape') throw new Error(t('space.rule.usccShape'));
                      if (p) throw new Error(t(`orgs.form.uscc.${p}` as MessageKey));
                    },
                  },
                ]}
              >
                <Input maxLength={18} className="lt-mono" placeholder={t('space.request.usccPlaceholder')} data-testid="request-uscc" />
              </Form.Item>
              )}
              {validUscc && holder.data && (
                <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('space.request.holderFound', { name: orgName(holder.data.name, locale) })} data-testid="request-holder" />
              )}
              {validUscc && holder.data === false && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('space.request.holderUnknown')} data-testid="request-holder-unknown" />}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('space.field.requester')}>
                <Input disabled value={me?.organisation ? orgName(me.organisation.name, locale) : ''} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('space.field.items')}</Divider>
          {items.error && <Alert type="error" showIcon message={items.error} style={{ marginBottom: 12 }} />}
          <Form.Item name="itemIds" rules={[{ required: true, type: 'array', min: 1, max: MAX_ITEMS, message: t('space.rule.items') }]}>
            <Checkbox.Group style={{ width: '100%' }} data-testid="request-items">
              <Space direction="vertical" style={{ width: '100%' }}>
                {(items.data ?? []).map((i) => (
                  <Checkbox key={i.id} value={i.id} data-testid={`request-item-${i.code}`}>
                    <span>
                      {text(i.name, locale)} <span className="lt-mono">({i.code})</span>
                    </span>
                    <br />
                    <Typography.Text type="secondary">
                      {t('space.request.itemDetail', { source: orgNameOf(i.sourceOrgId), fields: i.fields.join(', ') })}
                    </Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>

          <Divider titlePlacement="start">{t('space.field.purpose')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="purpose" label={t('space.field.purposeCode')} rules={[{ required: true, message: t('space.rule.purpose') }]}>
                <Select
                  loading={purposes.loading}
                  placeholder={t('space.request.purposePlaceholder')}
                  data-testid="request-purpose"
                  options={(purposes.data ?? []).map((p) => ({ value: p, label: purposeLabel(t, p) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="purposeText" label={t('space.field.purposeText')} rules={[{ required: true, whitespace: true, max: 1000, message: t('space.rule.purposeText') }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('space.request.purposeTextPlaceholder')} data-testid="request-purpose-text" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('space.request.terms')}</Divider>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="periodFrom" label={t('space.field.periodFrom')} rules={[{ required: true, message: t('space.rule.period.not_a_month') }]}>
                <Input type="month" data-testid="request-period-from" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="periodTo" label={t('space.field.periodTo')} rules={[{ required: true, message: t('space.rule.period.not_a_month') }]}>
                <Input type="month" data-testid="request-period-to" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="validUntil" label={t('space.field.validUntil')} rules={[{ required: true, message: t('space.rule.validity.not_a_date') }]} extra={t('space.request.validityHint')}>
                <Input type="date" min={shanghaiDay(new Date(), 1)} data-testid="request-valid-until" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maxUses" label={t('space.field.maxUses')} rules={[{ required: true, message: t('space.rule.maxUses') }]} extra={t('space.request.maxUsesHint')}>
                <InputNumber min={1} max={MAX_USES} precision={0} style={{ width: '100%' }} data-testid="request-max-uses" />
              </Form.Item>
            </Col>
          </Row>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="request-problems"
              message={t('space.rule.title')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} disabled={problems.length > 0} data-testid="request-submit">
              {t('space.request.submit')}
            </Button>
            <Button onClick={() => navigate('/console/space/requests')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
