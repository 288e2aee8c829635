/**
 * A source unit issues a licence (签发电子证照): the type (from the platform's licence types) decides
 * whether the holder is named by a USCC or a resident identity number — checked here with the
 * console's validators before anything is sent — and whether the number is the holder's identifier
 * (filled in, not editable) or follows the type's pattern; one input per content field of the type,
 * labelled in the current language; the first valid day and the last one or 长期 (long-term).
 */
import { useState } from 'react';
import { App, Checkbox, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import type { paths } from '../../api/openapi.schema';
import { errorMessage } from '../../api/api.errors';
import { useI18n, hasMessage } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { shanghaiDay } from '../space/space.rules';
import { holderIdProblem, numberProblem, validityProblem } from './licence.rules';
import { msg, text, type IssuedLicence, type LicenceType } from './licence.view';

interface Values {
  type?: string;
  holderName?: string;
  holderId?: string;
  number?: string;
  fields?: Record<string, string | undefined>;
  validFrom?: string;
  validTo?: string;
  longTerm?: boolean;
}

type IssueBody = NonNullable<paths['/api/v1/authorization/licences']['post']['requestBody']>['content']['application/json'];

export function LicenceIssueModal({ types, onClose }: { types: LicenceType[]; onClose(issued: IssuedLicence | null): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = Form.useWatch('type', form);
  const holderId = (Form.useWatch('holderId', form) ?? '').trim().toUpperCase();
  const longTerm = Form.useWatch('longTerm', form) ?? false;
  const type = types.find((x) => x.code === code);
  const today = shanghaiDay();

  const numberHint = (ty: LicenceType) =>
    hasMessage(`licences.numberHint.${ty.code}`) ? msg(t, `licences.numberHint.${ty.code}`) : t('licences.issue.numberPattern', { pattern: ty.numberPattern ?? '' });

  const submit = async (v: Values) => {
    if (!type) return;
    setBusy(true);
    setError(null);
    try {
      const id = (v.holderId ?? '').trim().toUpperCase();
      const fields = Object.fromEntries(type.fields.map((f) => [f.key, (v.fields?.[f.key] ?? '').trim()]).filter(([, value]) => value !== ''));
      const issued = await unwrap(
        api.POST('/api/v1/authorization/licences', {
          body: {
            type: type.code as IssueBody['type'],
            number: type.numberIsHolderId ? id : (v.number ?? '').trim().toUpperCase(),
            holder: { id, name: (v.holderName ?? '').trim() },
            fields,
            validFrom: v.validFrom!,
            validTo: v.longTerm ? null : v.validTo!,
          },
        }),
      );
      message.success(t('licences.issue.done'));
      onClose(issued);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal open title={t('licences.issue.title')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('licences.issue.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ validFrom: today, longTerm: false }} onFinish={(v) => void submit(v)} data-testid="licence-issue-form">
        <Form.Item name="type" label={t('licences.field.type')} rules={[{ required: true, message: t('licences.issue.typeRequired') }]}>
          <Select
            placeholder={t('licences.issue.typePlaceholder')}
            data-testid="licence-issue-type"
            options={types.map((x) => ({ value: x.code, label: text(x.name, locale) }))}
            onChange={(next: string) => {
              // Another type: its own number; another holder kind: another identifier too.
              const kind = types.find((x) => x.code === next)?.holderKind;
              form.resetFields(kind === type?.holderKind ? ['number'] : ['number', 'holderId', 'holderName']);
            }}
          />
        </Form.Item>
        {type && (
          <>
            <Form.Item
              name="holderName"
              label={msg(t, `licences.field.holderName.${type.holderKind}`)}
              rules={[{ required: true, whitespace: true, max: 100, message: t('licences.issue.holderNameRequired') }]}
            >
              <Input maxLength={100} data-testid="licence-issue-holder-name" />
            </Form.Item>
            <Form.Item
              name="holderId"
              label={msg(t, `licences.field.holderId.${type.holderKind}`)}
              extra={type.holderKind === 'legal_person' ? t('licences.issue.usccHint') : t('licences.issue.residentIdHint')}
              validateFirst
              rules={[
                { required: true, whitespace: true, message: t('licences.issue.holderIdRequired') },
                {
                  validator: async (_rule, value: string | undefined) => {
                    // The same GB 32100-2015 / GB 11643-1999 checks the server applies (space.rules.ts mirrors them).
                    const p = holderIdProblem(type.holderKind, value ?? '');
                    if (!p) return;
                    if (p.kind === 'uscc') throw new Error(p.problem === 'shape' ? t('space.rule.usccShape') : msg(t, `orgs.form.uscc.${p.problem}`));
                    throw new Error(msg(t, `space.rule.residentId.${p.problem}`));
                  },
                },
              ]}
            >
              <Input maxLength={18} className="lt-mono" autoComplete="off" data-testid="licence-issue-holder-id" />
            </Form.Item>
            {type.numberIsHolderId ? (
              <Form.Item label={t('licences.field.number')} extra={t('licences.issue.numberIsHolderId')}>
                <Input disabled value={holderId} className="lt-mono" data-testid="licence-issue-number" />
              </Form.Item>
            ) : (
              <Form.Item
                name="number"
                label={t('licences.field.number')}
                extra={numberHint(type)}
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: t('licences.issue.numberRequired') },
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (numberProblem(type, value ?? '', holderId)) throw new Error(t('licences.issue.numberFormat', { pattern: numberHint(type) }));
                    },
                  },
                ]}
              >
                <Input maxLength={40} className="lt-mono" autoComplete="off" data-testid="licence-issue-number" />
              </Form.Item>
            )}
            {type.fields.length > 0 && <Divider titlePlacement="start">{t('licences.issue.contentTitle')}</Divider>}
            {type.fields.map((f) => (
              <Form.Item
                key={`${type.code}-${f.key}`}
                name={['fields', f.key]}
                label={text(f.label, locale)}
                rules={[{ required: true, whitespace: true, max: 500, message: t('licences.issue.fieldRequired', { label: text(f.label, locale) }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid={`licence-issue-field-${f.key}`} />
              </Form.Item>
            ))}
            <Divider titlePlacement="start">{t('licences.field.validity')}</Divider>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="validFrom" label={t('licences.field.validFrom')} rules={[{ required: true, message: t('licences.issue.validFromRequired') }]}>
                  <Input type="date" data-testid="licence-issue-valid-from" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="validTo"
                  label={t('licences.field.validTo')}
                  dependencies={['validFrom', 'longTerm']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: string | undefined) => {
                        const p = validityProblem(getFieldValue('validFrom'), value, !!getFieldValue('longTerm'));
                        if (p === 'valid_to') throw new Error(t('licences.issue.validToRequired'));
                        if (p === 'valid_to_before_from') throw new Error(t('licences.issue.validToBeforeFrom'));
                      },
                    }),
                  ]}
                >
                  <Input type="date" disabled={longTerm} data-testid="licence-issue-valid-to" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="longTerm" valuePropName="checked">
              <Checkbox data-testid="licence-issue-long-term">{t('licences.issue.longTerm')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
