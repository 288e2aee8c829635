import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { errorMessage } from '../../api/api.errors';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/console';
}

export default function LoginPage() {
  const { t } = useI18n();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (me) return <Navigate to={next} replace />;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '24px 0' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={async (v: { login: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              await login(v.login.trim(), v.password);
              navigate(next, { replace: true });
            } catch (err) {
              setError(errorMessage(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="login" label={t('auth.loginField')} rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-name" maxLength={200} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {t('auth.noAccount')}{' '}
          <Link to="/signup" data-testid="login-signup">
            {t('auth.signupLink')}
          </Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
