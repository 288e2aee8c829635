/**
 * The holder's licences (电子证照) in its digital space: each licence a source unit issued into it,
 * with its state today; opened, the content in the current language, the issuer, the electronic seal
 * (key id, signing time) and the digest; downloaded as a file `{ document, seal }` anyone can check
 * (on the public verification page, or here with the same public API).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Modal, Row, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined, VerifiedOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { Digest } from '../authorization/authorization.view';
import { licenceFile, licenceFileName, maskNumber } from '../licences/licence.rules';
import { documentOf, LicenceStateTag, LicenceVerdict, text, validityText, verifyLicence, type HeldLicence, type LicenceVerification } from '../licences/licence.view';

export function LicencesPanel() {
  const { t, locale } = useI18n();
  const held = useApiResource('space-licences', () => unwrap(api.GET('/api/v1/authorization/space/licences')));
  const [open, setOpen] = useState<HeldLicence | null>(null);
  const items = held.data?.items ?? [];

  return (
    <Card title={t('licences.space.title')} data-testid="space-licences" data-count={held.data ? items.length : undefined}>
      <Typography.Paragraph type="secondary">{t('licences.space.intro')}</Typography.Paragraph>
      {held.error && <Alert type="error" showIcon title={held.error} style={{ marginBottom: 12 }} data-testid="space-licences-error" />}
      {held.loading && !held.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('licences.space.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((l) => {
            const d = documentOf(l);
            const facts: DescriptionsProps['items'] = [
              { key: 'number', label: t('licences.field.number'), children: <span className="lt-mono">{maskNumber(d.holder.kind, d.number)}</span> },
              { key: 'issuer', label: t('licences.field.issuer'), children: text(d.issuer.name, locale) },
              { key: 'validity', label: t('licences.field.validity'), children: validityText(t, locale, d.validFrom, d.validTo) },
            ];
            return (
              <Col key={l.id} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  data-testid={`space-licence-${l.id}`}
                  data-type={d.licenceType.code}
                  data-state={l.state}
                  title={text(d.licenceType.name, locale)}
                  extra={<LicenceStateTag t={t} state={l.state} testId={`space-licence-state-${l.id}`} />}
                  style={{ height: '100%' }}
                >
                  <Descriptions column={1} size="small" items={facts} />
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(l)} data-testid={`space-licence-open-${l.id}`} style={{ marginTop: 8 }}>
                    {t('licences.space.open')}
                  </Button>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {open && <LicenceModal licence={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function LicenceModal({ licence, onClose }: { licence: HeldLicence; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const d = documentOf(licence);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<LicenceVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urls = useRef<string[]>([]);
  // The file's object URLs live as long as the dialog.
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const fileText = () => JSON.stringify(licenceFile(licence), null, 2);
  const download = () => {
    const href = URL.createObjectURL(new Blob([fileText()], { type: 'application/json' }));
    urls.current.push(href);
    const a = document.createElement('a');
    a.href = href;
    a.download = licenceFileName(d);
    document.body.appendChild(a);
    a.click();
    a.remove();
    message.success(t('licences.space.downloaded'));
  };
  const runCheck = async () => {
    setChecking(true);
    setError(null);
    try {
      setCheck(await verifyLicence(licence.document, licence.seal as unknown as Record<string, unknown>));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setChecking(false);
    }
  };

  const content: DescriptionsProps['items'] = [
    { key: 'number', label: t('licences.field.number'), children: <span className="lt-mono" data-testid="space-licence-number">{d.number}</span> },
    {
      key: 'holder',
      label: t('licences.field.holder'),
      children: (
        <span>
          {d.holder.name}
          <br />
          <Typography.Text type="secondary" className="lt-mono">
            {d.holder.identifier.value}
          </Typography.Text>
        </span>
      ),
    },
    ...d.content.map((f) => ({ key: `field-${f.key}`, label: text(f.label, locale), children: <span data-testid={`space-licence-field-${f.key}`}>{f.value}</span> })),
    { key: 'issuer', label: t('licences.field.issuer'), children: <span data-testid="space-licence-issuer">{text(d.issuer.name, locale)}</span> },
    { key: 'validity', label: t('licences.field.validity'), children: validityText(t, locale, d.validFrom, d.validTo) },
    { key: 'issuedAt', label: t('licences.field.issuedAt'), children: formatTime(d.issuedAt, locale) },
    {
      key: 'state',
      label: t('licences.field.state'),
      children: (
        <Space size={[8, 4]} wrap>
          <LicenceStateTag t={t} state={licence.state} testId="space-licence-detail-state" />
          {licence.revokedAt && <span>{formatTime(licence.revokedAt, locale)}</span>}
        </Space>
      ),
    },
  ];
  const seal: DescriptionsProps['items'] = [
    { key: 'kid', label: t('licences.field.sealKey'), children: <span className="lt-mono" data-testid="space-licence-kid">{licence.seal.kid}</span> },
    { key: 'signedAt', label: t('licences.field.signedAt'), children: <span data-testid="space-licence-signed-at">{formatTime(licence.seal.signedAt, locale)}</span> },
    { key: 'digest', label: t('licences.field.digest'), children: <Digest value={licence.digest} testId="space-licence-digest" /> },
  ];

  return (
    <Modal
      open
      title={text(d.licenceType.name, locale)}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button icon={<DownloadOutlined />} type="primary" onClick={download} data-testid="space-licence-download">
            {t('licences.space.download')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void runCheck()} data-testid="space-licence-check">
            {t('licences.space.check')}
          </Button>
          <Button icon={<VerifiedOutlined />} onClick={() => navigate('/verify/licence', { state: { licence: fileText() } })} data-testid="space-licence-verify-page">
            {t('licences.space.verifyPage')}
          </Button>
          <Button onClick={onClose}>{t('licences.space.close')}</Button>
        </Space>
      }
    >
      <div data-testid="space-licence-detail" data-id={licence.id}>
        <Typography.Title level={5}>{t('licences.space.content')}</Typography.Title>
        <Descriptions bordered size="small" column={1} items={content} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('licences.space.seal')}
        </Typography.Title>
        <Descriptions bordered size="small" column={1} items={seal} />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="space-licence-check-error" />}
        {check && (
          <div style={{ marginTop: 16 }}>
            <LicenceVerdict check={check} />
          </div>
        )}
      </div>
    </Modal>
  );
}
