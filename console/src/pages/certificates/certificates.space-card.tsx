import { Button, Card, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';

/** In the digital space: the holder's certificates in force (凭证夹), and the way to its wallet. */
export function CertificatesSpaceCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const held = useApiResource('space-certificates', () => unwrap(api.GET('/api/v1/certificates', { params: { query: { box: 'held', status: 'active', page: 1, pageSize: 1 } } })));
  return (
    <Card title={t('certificates.space.title')} data-testid="space-certificates" data-count={held.data ? held.data.total : undefined}>
      <Typography.Paragraph type="secondary">{t('certificates.space.text')}</Typography.Paragraph>
      <Space wrap>
        {held.data && <Typography.Text strong>{t('certificates.space.count', { count: held.data.total })}</Typography.Text>}
        <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/console/certificates?box=held')} data-testid="space-certificates-open">
          {t('certificates.space.open')}
        </Button>
      </Space>
    </Card>
  );
}
