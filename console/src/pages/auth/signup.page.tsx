import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Result, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { passwordPolicy } from '../../../../src/platform/password.policy';
import { api, unwrap } from '../../api/api.client';
import { describeError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import type { MessageKey } from '../../locales/index';
import { residentIdProblem } from '../space/space.rules';

interface Values {
  name: string;
  residentId: string;
  phone: string;
  username: string;
  password: string;
  confirm: string;
  agree: boolean;
}

interface SignedUp {
  orgId: string;
  userId: string;
  username: string;
  name: string;
  residentIdMasked: string;
}

/** The server's rules (SignUpBody in authorization.schemas.ts and AccountService.signUp), checked before sending. */
const NAME_MAX = 50;
const MOBILE = /^1[3-9]\d{9}$/;
const USERNAME = /^[a-zA-Z][a-zA-Z0-9_.-]{2,39}$/;

/**
 * An individual signs up (个人注册, no login): name, resident identity number (check character
 * verified here as on the server), mobile number, user name and password, after accepting the
 * notice on the real-name check (告知同意). The server matches name and number against the
 * population base and opens the person's account and digital space; the result shows the masked
 * number and the user name to sign in with.
 */
export default function SignupPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ message: string; code?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SignedUp | null>(null);
  if (me) return <Navigate to="/console" replace />;

  const toLogin = '/login?next=%2Fconsole%2Fspace';

  if (done) {
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
        <Card style={{ width: '100%', maxWidth: 560 }} data-testid="signup-done">
          <Result
            status="success"
            title={t('signup.done.title')}
            subTitle={t('signup.done.text')}
            style={{ padding: '16px 0' }}
            extra={
              <Button type="primary" onClick={() => navigate(toLogin)} data-testid="signup-to-login">
                {t('signup.done.login')}
              </Button>
            }
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('signup.done.name')}>
              <span data-testid="signup-done-name">{done.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('signup.done.residentId')}>
              <span className="lt-mono" data-testid="signup-done-resident-id">
                {done.residentIdMasked}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('signup.done.username')}>
              <Typography.Text className="lt-mono" copyable data-testid="signup-done-username">
                {done.username}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </div>
    );
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 560 }}>
        <Typography.Title level={3} data-testid="signup-title">
          {t('signup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signup.subtitle')}</Typography.Paragraph>
        <Alert type="info" showIcon message={t('signup.notice.title')} description={t('signup.notice.text')} style={{ marginBottom: 16 }} data-testid="signup-notice" />
        {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} data-testid="signup-error" data-code={error.code ?? ''} />}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={async (v) => {
            setBusy(true);
            setError(null);
            try {
              const body = { name: v.name.trim(), residentId: v.residentId.trim().toUpperCase(), phone: v.phone.trim(), username: v.username.trim(), password: v.password };
              setDone(await unwrap(api.POST('/api/v1/public/accounts/individual', { body })));
            } catch (err) {
              setError({ message: errorMessage(err, t), code: describeError(err, t).code });
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="name" label={t('signup.field.name')} extra={t('signup.hint.name')} rules={[{ required: true, whitespace: true, max: NAME_MAX, message: t('signup.rule.name') }]}>
            <Input autoComplete="name" maxLength={NAME_MAX} data-testid="signup-name" />
          </Form.Item>
          <Form.Item
            name="residentId"
            label={t('signup.field.residentId')}
            extra={t('signup.hint.residentId')}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('signup.rule.residentId.required') },
              {
                validator: async (_rule, value: string | undefined) => {
                  // The server's GB 11643-1999 check (console mirror in space.rules.ts).
                  const p = residentIdProblem((value ?? '').trim());
                  if (p) throw new Error(t(`signup.rule.residentId.${p}` as MessageKey));
                },
              },
            ]}
          >
            <Input autoComplete="off" maxLength={18} className="lt-mono" data-testid="signup-resident-id" />
          </Form.Item>
          <Form.Item name="phone" label={t('signup.field.phone')} rules={[{ required: true, pattern: MOBILE, message: t('signup.rule.phone') }]}>
            <Input autoComplete="tel" inputMode="numeric" maxLength={11} data-testid="signup-phone" />
          </Form.Item>
          <Form.Item name="username" label={t('signup.field.username')} extra={t('signup.hint.username')} rules={[{ required: true, pattern: USERNAME, message: t('signup.rule.username') }]}>
            <Input autoComplete="username" maxLength={40} data-testid="signup-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signup.field.password')}
            extra={t('signup.hint.password')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  // The server's password policy (src/platform/password.policy.ts).
                  const p = passwordPolicy(value ?? '');
                  if (!p.ok) throw new Error(t(`signup.rule.password.${p.reason}` as MessageKey));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="signup-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('signup.field.confirm')}
            dependencies={['password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if ((value ?? '') !== (getFieldValue('password') ?? '')) throw new Error(t('signup.rule.confirm'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="signup-confirm" />
          </Form.Item>
          <Form.Item
            name="agree"
            valuePropName="checked"
            rules={[
              {
                validator: async (_rule, value: boolean | undefined) => {
                  if (!value) throw new Error(t('signup.rule.agree'));
                },
              },
            ]}
          >
            <Checkbox data-testid="signup-agree">{t('signup.agree')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="signup-submit">
            {t('signup.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {t('signup.haveAccount')}{' '}
          <Link to="/login" data-testid="signup-login">
            {t('signup.toLogin')}
          </Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
