/** Pieces shared by the certificate pages (数据资产凭证): types, the status tag, the credential in words, and the verdict of a verification. */
import type { ReactNode } from 'react';
import { Descriptions, Result, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { useI18n, type Translate, hasMessage } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { formatFen } from '../../format/money.format';
import { msg, text } from '../authorization/authorization.view';
import { purposeLabel } from '../space/space.view';
import { CHECKS, orgIdOfDid, readCredential, receiptPath, type Party } from './certificate.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Certificate = Json<'/api/v1/certificates/{certificateId}', 'get'>;
export type CertificateUse = Json<'/api/v1/certificates/{certificateId}/uses', 'get'>['items'][number];
export type Verification = Json<'/api/v1/certificates/verify', 'post'>;
export type VerificationCheck = Verification['checks'][number];

export { msg, text };

const COLOURS: Record<string, string> = { active: 'green', suspended: 'orange', revoked: 'red', expired: 'default' };

export function CertificateStatusTag({ t, status, testId = 'certificate-status' }: { t: Translate; status: string; testId?: string }) {
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {hasMessage(`certificates.status.${status}`) ? msg(t, `certificates.status.${status}`) : status}
    </Tag>
  );
}

/** `2026-11-30 至 2027-02-28` (times in Asia/Shanghai, without seconds). */
export const validityText = (t: Translate, locale: string, from: string | null, until: string | null) =>
  t('certificates.validity', { from: formatTime(from, locale, false), to: until ? formatTime(until, locale, false) : t('certificates.openEnded') });

/** The type's name in the current language: the server's, else the console's, else the code. */
export const typeName = (t: Translate, locale: string, c: { type: string; typeName?: { zh: string; en: string } | null }) =>
  c.typeName ? text(c.typeName, locale) : hasMessage(`certificates.type.${c.type}`) ? msg(t, `certificates.type.${c.type}`) : c.type;

/** Checks a certificate (a vc+jwt) with the public API (no login needed). */
export const verifyCertificate = (credential: string) => unwrap(api.POST('/api/v1/certificates/verify', { body: { credential } }));

/**
 * A party as the credential names it (signed, so in the issuer's language); with `nameOf` (the
 * console's directory, signed-in only) the name in the current language when its DID is one of
 * this platform's organisations.
 */
function PartyView({ p, nameOf, testId }: { p: Party; nameOf?: ((orgId: string) => string) | undefined; testId?: string }) {
  const orgId = orgIdOfDid(p.id);
  const resolved = orgId && nameOf ? nameOf(orgId) : null;
  const name = resolved && resolved !== orgId ? resolved : (p.name ?? '—');
  return (
    <span>
      <span data-testid={testId}>{name}</span>
      {p.uscc && (
        <>
          <br />
          <Typography.Text type="secondary" className="lt-mono">
            {p.uscc}
          </Typography.Text>
        </>
      )}
    </span>
  );
}

/**
 * The credential's content in words: type, number, subject, provider(s), user, data items, period,
 * purpose, authorization (linked to its page in the console), validity, issuer, status list entries
 * and ledger evidence (linked to its receipt). `extra` rows go after the issuer (e.g. the platform's
 * status of the certificate).
 */
export function CredentialDetails({ credential, nameOf, linkAuthorization, extra = [] }: { credential: unknown; nameOf?: (orgId: string) => string; linkAuthorization: boolean; extra?: DescriptionsProps['items'] }) {
  const { t, locale } = useI18n();
  const v = readCredential(credential);
  const circulation = v.types.includes('PublicDataCirculationCredential');
  const identifier = v.dataSubject?.identifier;
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'type', label: t('certificates.field.type'), children: <span data-testid="cert-field-type">{circulation ? t('certificates.type.circulation') : v.transaction ? t('certificates.type.transaction') : (v.name ?? (v.types.filter((x) => x !== 'VerifiableCredential').join(', ') || '—'))}</span> },
    {
      key: 'number',
      label: t('certificates.field.number'),
      children: v.certificateNo ? (
        <Typography.Text className="lt-mono" copyable data-testid="cert-field-number">
          {v.certificateNo}
        </Typography.Text>
      ) : (
        '—'
      ),
    },
  ];
  const deal = v.transaction;
  if (deal) {
    const negotiationId = v.evidence.map((e) => e.subject).find((x): x is string => !!x && /^neg_[0-9a-z]{20}$/.test(x));
    items.push(
      {
        key: 'contract',
        label: t('certificates.field.contract'),
        children: (
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            {negotiationId && linkAuthorization ? (
              <Link to={`/console/exchange/negotiations/${negotiationId}`} className="lt-mono" data-testid="cert-field-contract">
                {deal.contractNumber ?? '—'}
              </Link>
            ) : (
              <span className="lt-mono" data-testid="cert-field-contract">
                {deal.contractNumber ?? '—'}
              </span>
            )}
            {deal.contractDigest && (
              <Typography.Text type="secondary" className="lt-mono" style={{ wordBreak: 'break-all' }} data-testid="cert-field-contract-digest">
                {`${t('certificates.field.contractDigest')}: ${deal.contractDigest}`}
              </Typography.Text>
            )}
          </Space>
        ),
      },
      {
        key: 'listing',
        label: t('certificates.field.listing'),
        children: (
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <span data-testid="cert-field-listing">{deal.listing.title ?? '—'}</span>
            {deal.asset.registrationNumber && (
              <Typography.Text type="secondary">
                {`${t('certificates.field.registrationNumber')}: `}
                <span className="lt-mono" data-testid="cert-field-registration">{deal.asset.registrationNumber}</span>
              </Typography.Text>
            )}
          </Space>
        ),
      },
      {
        key: 'amount',
        label: t('certificates.field.amount'),
        children: (
          <span data-testid="cert-field-amount" data-fen={deal.amountFen ?? ''}>
            {deal.amountFen ? formatFen(deal.amountFen) : '—'}
            {deal.currency && deal.currency !== 'CNY' ? ` ${deal.currency}` : ''}
          </span>
        ),
      },
    );
    if (deal.seller) items.push({ key: 'seller', label: t('certificates.field.seller'), children: <PartyView p={deal.seller} nameOf={nameOf} testId="cert-field-seller" /> });
    if (deal.buyer) items.push({ key: 'buyer', label: t('certificates.field.buyer'), children: <PartyView p={deal.buyer} nameOf={nameOf} testId="cert-field-buyer" /> });
    if (deal.brokers.length) {
      items.push({
        key: 'brokers',
        label: t('certificates.field.brokers'),
        children: (
          <Space orientation="vertical" size={4} data-testid="cert-field-brokers">
            {deal.brokers.map((b, i) => (
              <PartyView key={b.id ?? i} p={b} nameOf={nameOf} />
            ))}
          </Space>
        ),
      });
    }
    if (deal.terms) {
      const tm = deal.terms;
      items.push({
        key: 'terms',
        label: t('certificates.field.dealTerms'),
        children: (
          <span data-testid="cert-field-terms">
            {t('certificates.transactionTerms', {
              purposes: tm.purposes.join('、') || '—',
              days: tm.periodDays ?? '—',
              uses: tm.maxUses === null ? t('certificates.unlimitedUses') : tm.maxUses,
            })}
          </span>
        ),
      });
    }
  }
  if (v.dataSubject) {
    items.push({
      key: 'subject',
      label: t('certificates.field.subject'),
      children: (
        <span>
          <PartyView p={v.dataSubject} nameOf={nameOf} testId="cert-field-subject" />
          {identifier?.value && (
            <>
              <br />
              <Typography.Text type="secondary">
                {identifier.scheme && hasMessage(`certificates.identifier.${identifier.scheme}`) ? msg(t, `certificates.identifier.${identifier.scheme}`) : identifier.scheme}
              </Typography.Text>{' '}
              <span className="lt-mono" data-testid="cert-field-subject-id">
                {identifier.value}
              </span>
            </>
          )}
        </span>
      ),
    });
  }
  if (v.providers.length) {
    items.push({
      key: 'providers',
      label: t('certificates.field.providers'),
      children: (
        <Space orientation="vertical" size={4} data-testid="cert-field-providers">
          {v.providers.map((p, i) => (
            <PartyView key={p.id ?? i} p={p} nameOf={nameOf} />
          ))}
        </Space>
      ),
    });
  }
  if (v.dataUser) items.push({ key: 'user', label: t('certificates.field.user'), children: <PartyView p={v.dataUser} nameOf={nameOf} testId="cert-field-user" /> });
  if (v.dataItems.length) {
    items.push({
      key: 'items',
      label: t('certificates.field.items'),
      children: (
        <Space orientation="vertical" size={4} data-testid="cert-field-items">
          {v.dataItems.map((i, n) => (
            <span key={i.code ?? n}>
              {i.name ?? '—'} <span className="lt-mono">({i.code ?? '—'})</span>
              {i.fields.length > 0 && (
                <>
                  <br />
                  <Typography.Text type="secondary" className="lt-mono">
                    {i.fields.join(', ')}
                  </Typography.Text>
                </>
              )}
            </span>
          ))}
        </Space>
      ),
    });
  }
  if (v.period) {
    items.push({ key: 'period', label: t('certificates.field.period'), children: <span data-testid="cert-field-period">{v.period.from === v.period.to ? v.period.from : `${v.period.from ?? '—'} – ${v.period.to ?? '—'}`}</span> });
  }
  if (v.purpose) {
    items.push({
      key: 'purpose',
      label: t('certificates.field.purpose'),
      children: (
        <span>
          <span data-testid="cert-field-purpose">{v.purpose.code ? purposeLabel(t, v.purpose.code) : '—'}</span>
          {v.purpose.text && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v.purpose.text}</Typography.Paragraph>}
        </span>
      ),
    });
  }
  if (v.authorization) {
    const a = v.authorization;
    items.push({
      key: 'authorization',
      label: t('certificates.field.authorization'),
      children: (
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          {a.id && linkAuthorization ? (
            <Link to={`/console/space/authorizations/${a.id}`} className="lt-mono" data-testid="cert-field-authorization">
              {a.id}
            </Link>
          ) : (
            <span className="lt-mono" data-testid="cert-field-authorization">
              {a.id ?? '—'}
            </span>
          )}
          {a.maxUses !== null && <Typography.Text type="secondary">{`${t('certificates.field.maxUses')}: ${a.maxUses}`}</Typography.Text>}
          {a.recordDigest && (
            <Typography.Text type="secondary" className="lt-mono">
              {`${t('certificates.field.recordDigest')}: ${a.recordDigest}`}
            </Typography.Text>
          )}
        </Space>
      ),
    });
  }
  items.push({ key: 'validity', label: t('certificates.field.validity'), children: <span data-testid="cert-field-validity">{validityText(t, locale, v.validFrom, v.validUntil)}</span> });
  items.push({
    key: 'issuer',
    label: t('certificates.field.issuer'),
    children: (
      <span>
        <PartyView p={{ id: v.issuer.id, name: v.issuer.name, uscc: null }} nameOf={nameOf} testId="cert-field-issuer" />
        <br />
        <Typography.Text type="secondary" className="lt-mono">
          {v.issuer.id ?? '—'}
        </Typography.Text>
      </span>
    ),
  });
  items.push(...(extra ?? []));
  if (v.status.length) {
    items.push({
      key: 'statusEntries',
      label: t('certificates.field.statusEntries'),
      children: (
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          {v.status.map((s, i) => (
            <span key={`${s.list}#${s.index}#${i}`}>
              {t('certificates.statusEntry', {
                purpose: s.purpose && hasMessage(`certificates.statusPurpose.${s.purpose}`) ? msg(t, `certificates.statusPurpose.${s.purpose}`) : (s.purpose ?? '—'),
                index: s.index ?? '—',
              })}
              <br />
              <Typography.Text type="secondary" className="lt-mono">
                {s.list ?? '—'}
              </Typography.Text>
            </span>
          ))}
        </Space>
      ),
    });
  }
  if (v.evidence.length) {
    items.push({
      key: 'evidence',
      label: t('certificates.field.evidence'),
      children: (
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }} data-testid="cert-field-evidence">
          {v.evidence.map((e, i) => (
            <span key={e.eventId ?? i}>
              <span className="lt-mono">{e.eventType ?? '—'}</span>
              <br />
              <span className="lt-mono">{t('certificates.evidence.event', { eventId: e.eventId ?? '—' })}</span>
              {e.payloadDigest && (
                <>
                  <br />
                  <Typography.Text type="secondary" className="lt-mono">
                    {e.payloadDigest}
                  </Typography.Text>
                </>
              )}
              {e.eventId && /^evt_[0-9a-z]{20}$/.test(e.eventId) && (
                <>
                  <br />
                  <a href={receiptPath(e.eventId)} target="_blank" rel="noreferrer" data-testid="cert-evidence-receipt">
                    {t('certificates.evidence.receipt')}
                  </a>{' '}
                  <Typography.Text type="secondary">{t('certificates.evidence.receiptNote')}</Typography.Text>
                </>
              )}
            </span>
          ))}
        </Space>
      ),
    });
  }
  if (v.manifestDigest) {
    items.push({
      key: 'manifest',
      label: t('certificates.field.manifestDigest'),
      children: (
        <Typography.Text className="lt-mono" copyable>
          {v.manifestDigest}
        </Typography.Text>
      ),
    });
  }
  return <Descriptions bordered size="small" column={1} items={items} data-testid="cert-content" />;
}

const OUTCOME_ICON: Record<string, ReactNode> = {
  passed: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  failed: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  pending: <ClockCircleFilled style={{ color: '#faad14' }} />,
};
const OUTCOME_COLOUR: Record<string, string> = { passed: 'green', failed: 'red', pending: 'gold' };

const checkName = (t: Translate, check: string) => ((CHECKS as readonly string[]).includes(check) ? msg(t, `certificates.check.${check}`) : check);

/**
 * The verdict of a verification, with stable test ids: `cert-verdict` carries `data-valid`;
 * each check a `cert-check-<name>` row with `data-outcome` and `data-code`, its message in the
 * current language and an icon per outcome.
 */
export function VerificationView({ result, children }: { result: Verification; children?: ReactNode }) {
  const { t, locale } = useI18n();
  const failed = result.checks.filter((c) => c.outcome === 'failed');
  const pending = result.checks.some((c) => c.outcome === 'pending');
  const sub = result.valid ? (pending ? t('certificates.verdict.pendingText') : t('certificates.verdict.validText')) : t('certificates.verdict.invalidText', { checks: failed.map((c) => checkName(t, c.check)).join(locale === 'zh-CN' ? '、' : ', ') });
  return (
    <div data-testid="cert-verdict" data-valid={String(result.valid)} data-failed={failed.map((c) => c.check).join(',')}>
      <Result status={result.valid ? 'success' : 'error'} title={result.valid ? t('certificates.verdict.validTitle') : t('certificates.verdict.invalidTitle')} subTitle={sub} style={{ padding: '16px 0' }} />
      <div style={{ border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="cert-checks">
        {result.checks.map((c: VerificationCheck, i) => (
          <div key={c.check} data-testid={`cert-check-${c.check}`} data-outcome={c.outcome} data-code={c.code} style={{ padding: '8px 12px', ...(i > 0 ? { borderTop: '1px solid #f0f0f0' } : {}) }}>
            <Space align="start" size={8} style={{ minWidth: 0 }}>
              <span aria-hidden style={{ fontSize: 18 }}>
                {OUTCOME_ICON[c.outcome] ?? null}
              </span>
              <div style={{ minWidth: 0 }}>
                <Space size={[6, 4]} wrap>
                  <Typography.Text strong>{checkName(t, c.check)}</Typography.Text>
                  <Tag color={OUTCOME_COLOUR[c.outcome] ?? 'default'}>{hasMessage(`certificates.outcome.${c.outcome}`) ? msg(t, `certificates.outcome.${c.outcome}`) : c.outcome}</Tag>
                </Space>
                <div style={{ wordBreak: 'break-word' }} data-testid={`cert-check-${c.check}-message`}>
                  {locale === 'zh-CN' ? c.message['zh-CN'] : c.message['en-US']}
                </div>
              </div>
            </Space>
          </div>
        ))}
      </div>
      {children}
    </div>
  );
}
