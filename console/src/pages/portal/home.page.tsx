import { useEffect, useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Steps, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useI18n } from '../../i18n/i18n.context';

interface LedgerStats {
  size: number;
  cosignatures: number;
}

export default function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [stats, setStats] = useState<LedgerStats | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/v1/ledger/checkpoint'))
      .then((cp) => {
        const c = cp as { size?: number; cosignatures?: unknown[] };
        if (live) setStats({ size: c.size ?? 0, cosignatures: Array.isArray(c.cosignatures) ? c.cosignatures.length : 0 });
      })
      .catch(() => live && setStats(null));
    return () => {
      live = false;
    };
  }, []);
  const gates = [
    ['portal.gate.scenario', 'portal.gate.scenarioText'],
    ['portal.gate.registration', 'portal.gate.registrationText'],
    ['portal.gate.compliance', 'portal.gate.complianceText'],
  ] as const;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} data-testid="portal-title">
          {t('portal.hero.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>{t('portal.hero.text')}</Typography.Paragraph>
        <Space wrap>
          <Button type="primary" onClick={() => navigate('/verify')}>
            {t('portal.hero.verify')}
          </Button>
          <Button onClick={() => navigate('/verify/licence')} data-testid="portal-licence-verify">
            {t('portal.link.licenceVerify')}
          </Button>
          <Button onClick={() => navigate('/verify/certificate')} data-testid="portal-certificate-verify">
            {t('portal.link.certificateVerify')}
          </Button>
          <Button onClick={() => navigate('/market')} data-testid="portal-market">
            {t('portal.link.market')}
          </Button>
          <Button onClick={() => navigate('/registry')} data-testid="portal-registry">
            {t('portal.link.registry')}
          </Button>
          <Button onClick={() => navigate('/login')}>{t('portal.hero.console')}</Button>
          <Button onClick={() => navigate('/signup')} data-testid="portal-signup">
            {t('auth.signupLink')}
          </Button>
        </Space>
      </Card>
      <div>
        <Typography.Title level={4}>{t('portal.gates.title')}</Typography.Title>
        <Row gutter={[16, 16]}>
          {gates.map(([title, text]) => (
            <Col key={title} xs={24} md={8}>
              <Card title={t(title)} style={{ height: '100%' }}>
                {t(text)}
              </Card>
            </Col>
          ))}
        </Row>
      </div>
      <Card title={t('portal.flow.title')}>
        <Steps
          responsive
          size="small"
          current={-1}
          items={(['portal.flow.catalog', 'portal.flow.share', 'portal.flow.register', 'portal.flow.certificate', 'portal.flow.list', 'portal.flow.trade'] as const).map((k) => ({ title: t(k) }))}
        />
      </Card>
      <Card title={t('portal.evidence.title')}>
        <Typography.Paragraph>{t('portal.evidence.text')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={12}>
            <Statistic title={t('portal.stats.entries')} value={stats?.size ?? '—'} />
          </Col>
          <Col xs={12}>
            <Statistic title={t('portal.stats.witnesses')} value={stats?.cosignatures ?? '—'} />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
