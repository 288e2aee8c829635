import { Card, Col, Collapse, Descriptions, Empty, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { Digest } from '../authorization/authorization.view';
import type { ConsentRecord } from './space.rules';
import { purposeLabel, text, type Consent } from './space.view';

/**
 * The consent record (授权记录) the holder sealed on approval, in the fields of ISO/IEC TS 27560 and
 * the Kantara Consent Receipt — principal, controller, purposes with the legal basis, data
 * categories, period, validity, uses and how to withdraw — shown readably, with its digest, the
 * holder's seal and the record itself as JSON.
 */
export function ConsentRecordPanel({ consent, orgNameOf }: { consent: Consent; orgNameOf(id: string): string }) {
  const { t, locale } = useI18n();
  const r = consent.record as ConsentRecord | null;
  const seal = consent.recordSeal;
  if (!r) {
    return (
      <Card title={t('space.record.title')} data-testid="consent-record">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('space.record.none')} />
      </Card>
    );
  }
  const idText = (x: { identifier?: { scheme: string; value: string | null } } | undefined) => (x?.identifier?.value ? `${x.identifier.scheme} ${x.identifier.value}` : '—');
  return (
    <Card title={t('space.record.title')} data-testid="consent-record">
      <Typography.Paragraph type="secondary">{t('space.record.intro', { schema: r.schema ?? '—' })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Descriptions column={1} size="small" bordered data-testid="consent-record-fields">
            <Descriptions.Item label={t('space.record.principal')}>
              {r.piiPrincipal ? (
                <span>
                  {r.piiPrincipal.name ? text(r.piiPrincipal.name, locale) : orgNameOf(r.piiPrincipal.id)}
                  <br />
                  <span className="lt-mono">{idText(r.piiPrincipal)}</span>
                </span>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.controller')}>
              {(r.piiControllers ?? []).map((c) => (
                <div key={c.id}>
                  {c.name ? text(c.name, locale) : orgNameOf(c.id)}
                  <br />
                  <span className="lt-mono">{idText(c)}</span>
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.purposes')}>
              {(r.purposes ?? []).map((p, i) => (
                <div key={i}>
                  {purposeLabel(t, p.purpose)}
                  {p.description ? ` — ${p.description}` : ''}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.legalBasis')}>
              {(r.purposes ?? []).map((p, i) => (
                <div key={i}>
                  {p.legalBasis === 'consent' ? t('space.record.basisConsent') : (p.legalBasis ?? '—')}
                  {p.legalBasisReference && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {p.legalBasisReference}
                    </Typography.Paragraph>
                  )}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.categories')}>
              {(r.dataCategories ?? []).map((d) => (
                <div key={d.code}>
                  {d.name ? text(d.name, locale) : d.code} <span className="lt-mono">({d.code})</span>
                  {d.fields && <span className="lt-mono">{`: ${d.fields.join(', ')}`}</span>}
                  {d.source && (
                    <Typography.Text type="secondary">{` · ${t('space.record.source', { org: orgNameOf(d.source.orgId) })}`}</Typography.Text>
                  )}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.period')}>{r.dataPeriod ? `${r.dataPeriod.from} – ${r.dataPeriod.to}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('space.record.validity')}>
              {t('space.record.validityText', { from: formatTime(r.timestamp, locale), until: formatTime(r.validUntil, locale), uses: r.maxUses ?? '—' })}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.withdrawal')}>
              {t('space.record.withdrawalText')}
              {r.withdrawal?.url && (
                <div className="lt-mono" style={{ fontSize: 12 }}>
                  {r.withdrawal.url}
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('space.record.jurisdiction')}>{r.jurisdiction ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" type="inner" title={t('space.seal.title')} data-testid="consent-seal" data-sealed={seal ? 'true' : 'false'}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('space.record.digest')}>
                <Digest value={consent.recordDigest} testId="consent-record-digest" />
              </Descriptions.Item>
              {seal && (
                <>
                  <Descriptions.Item label={t('space.seal.org')}>{orgNameOf(seal.orgId)}</Descriptions.Item>
                  <Descriptions.Item label={t('space.seal.signedBy')}>
                    <span className="lt-mono">{seal.signedBy ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('space.seal.signedAt')}>{formatTime(seal.signedAt, locale)}</Descriptions.Item>
                  <Descriptions.Item label={t('space.seal.key')}>
                    <span className="lt-mono">{seal.kid}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('space.seal.signature')}>
                    <span className="lt-mono">{seal.signature}</span>
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'json',
            label: t('space.record.json'),
            children: (
              <pre className="lt-mono" style={{ margin: 0, maxHeight: 360, overflow: 'auto' }} data-testid="consent-record-json">
                {JSON.stringify(r, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </Card>
  );
}
