import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { validateUscc } from '../../../../src/platform/uscc.validator';
import { api, unwrap } from '../../api/api.client';
import { describeError } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { label, ORG_ROLE_CODES, ORG_TYPE_CODES } from '../../format/labels';
import type { MessageKey } from '../../locales/index';

type OrgRole = (typeof ORG_ROLE_CODES)[number];
type OrgType = (typeof ORG_TYPE_CODES)[number];

interface Values {
  nameZh: string;
  nameEn: string;
  uscc: string;
  type?: OrgType;
  roles: OrgRole[];
}

/** Server field paths → form fields, to put the server's verdict next to the right input. */
const FIELD_OF: Record<string, keyof Values> = { 'body.name.zh': 'nameZh', 'body.name.en': 'nameEn', 'body.uscc': 'uscc', 'body.type': 'type', 'body.roles': 'roles' };

export default function OrgCreatePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('orgs.form.title')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 720 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="org-form-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ roles: [], type: 'enterprise' }}
          onFinish={async (v) => {
            setBusy(true);
            setError(null);
            try {
              const org = await unwrap(
                api.POST('/api/v1/orgs', {
                  body: { name: { zh: v.nameZh.trim(), en: v.nameEn.trim() }, uscc: v.uscc.trim(), roles: v.roles, ...(v.type ? { type: v.type } : {}) },
                }),
              );
              message.success(t('orgs.form.created', { name: locale === 'zh-CN' ? org.name.zh : org.name.en }));
              navigate(`/console/orgs/${org.id}`);
            } catch (err) {
              const view = describeError(err, t);
              setError(view.message);
              const fields = view.fields.map((p) => FIELD_OF[p]).filter((f): f is keyof Values => !!f);
              if (fields.length) form.setFields(fields.map((name) => ({ name, errors: [view.message] })));
              else if (view.code === 'IDENTITY_USCC_INVALID' || view.code === 'IDENTITY_USCC_TAKEN') form.setFields([{ name: 'uscc', errors: [view.message] }]);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            name="nameZh"
            label={t('orgs.form.nameZh')}
            rules={[
              { required: true, whitespace: true, message: t('orgs.form.nameZhRequired') },
              { max: 200, message: t('orgs.form.nameTooLong') },
            ]}
          >
            <Input data-testid="org-name-zh" />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('orgs.form.nameEn')}
            rules={[
              { required: true, whitespace: true, message: t('orgs.form.nameEnRequired') },
              { max: 200, message: t('orgs.form.nameTooLong') },
            ]}
          >
            <Input data-testid="org-name-en" />
          </Form.Item>
          <Form.Item
            name="uscc"
            label={t('orgs.form.uscc')}
            extra={t('orgs.form.usccHelp')}
            validateFirst
            rules={[
              { required: true, message: t('orgs.form.usccRequired') },
              {
                validator: async (_rule, value: string) => {
                  // The same GB 32100-2015 check the server applies (src/platform/uscc.validator.ts).
                  const r = validateUscc(value ?? '');
                  if (!r.valid) throw new Error(t(`orgs.form.uscc.${r.reason}` as MessageKey));
                },
              },
            ]}
          >
            <Input maxLength={18} className="lt-mono" data-testid="org-uscc" />
          </Form.Item>
          <Form.Item name="type" label={t('orgs.form.type')}>
            <Select<OrgType> options={ORG_TYPE_CODES.map((v) => ({ value: v, label: label(t, 'orgType', v) }))} data-testid="org-type" />
          </Form.Item>
          <Form.Item name="roles" label={t('orgs.form.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('orgs.form.rolesRequired') }]}>
            <Select<OrgRole[]> mode="multiple" options={ORG_ROLE_CODES.map((r) => ({ value: r, label: label(t, 'role', r) }))} data-testid="org-roles" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="org-submit">
              {t('common.submit')}
            </Button>
            <Button onClick={() => navigate('/console/orgs')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
