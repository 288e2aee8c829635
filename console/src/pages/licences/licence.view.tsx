/** Pieces shared by the licence pages (电子证照): types, the state tag, validity in words, and the verdict of a check. */
import { Descriptions, Result, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate, hasMessage } from '../../i18n/i18n.context';
import { formatDate, formatTime } from '../../format/time.format';
import { msg, text } from '../authorization/authorization.view';
import { licenceTypeName } from '../space/notification.view';
import { verdictReason, type LicenceCheck, type LicenceDocument } from './licence.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type LicenceType = Json<'/api/v1/authorization/licence-types', 'get'>['items'][number];
export type IssuedLicence = Json<'/api/v1/authorization/licences', 'get'>['items'][number];
export type HeldLicence = Json<'/api/v1/authorization/space/licences', 'get'>['items'][number];
export type LicenceVerification = Json<'/api/v1/public/authorization/licences/verify', 'post'>;

export { licenceTypeName, msg, text };

/** A held licence's document, typed (the API describes it as an open record). */
export const documentOf = (l: HeldLicence) => l.document as unknown as LicenceDocument;

/** The licence types enabled on this platform (signed-in users only). */
export function useLicenceTypes() {
  return useApiResource('licence-types', async () => (await unwrap(api.GET('/api/v1/authorization/licence-types'))).items);
}

const COLOURS: Record<string, string> = { valid: 'green', expired: 'default', revoked: 'red', unknown: 'default' };

export function LicenceStateTag({ t, state, testId = 'licence-state' }: { t: Translate; state: string; testId?: string }) {
  return (
    <Tag color={COLOURS[state] ?? 'default'} data-state={state} data-testid={testId}>
      {hasMessage(`licences.state.${state}`) ? msg(t, `licences.state.${state}`) : state}
    </Tag>
  );
}

/** `2021-06-01 至 长期`, `2023-05-10 至 2043-05-10` */
export function validityText(t: Translate, locale: string, from: string, to: string | null): string {
  return t('licences.validity', { from: formatDate(from, locale), to: to ? formatDate(to, locale) : t('licences.longTerm') });
}

/** The seal's reason in words, the code itself when the console does not know it. */
const signatureText = (t: Translate, s: string) => (hasMessage(`licences.verdict.sig.${s}`) ? msg(t, `licences.verdict.sig.${s}`) : s);

/**
 * The verdict of a check, with stable test ids: `licence-verdict` carries `data-valid` and
 * `data-reason` (signature, not_registered, issuer_mismatch, revoked, expired).
 */
export function LicenceVerdict({ check }: { check: LicenceVerification | LicenceCheck }) {
  const { t, locale } = useI18n();
  const reason = verdictReason(check as LicenceCheck);
  const issuer = check.issuer ? text(check.issuer.name, locale) : '—';
  const why = reason
    ? msg(t, `licences.verdict.reason.${reason}`, {
        detail: signatureText(t, check.signature),
        validTo: check.validTo ? formatDate(check.validTo, locale) : '—',
        revokedAt: formatTime(check.revokedAt, locale),
      })
    : t('licences.verdict.validText', { issuer });
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('licences.field.type'), children: check.licenceType ? licenceTypeName(t, check.licenceType) : '—' },
    { key: 'issuer', label: t('licences.field.issuer'), children: <span data-testid="licence-verdict-issuer">{issuer}</span> },
    { key: 'state', label: t('licences.verdict.state'), children: <LicenceStateTag t={t} state={check.state} testId="licence-verdict-state" /> },
    { key: 'validTo', label: t('licences.field.validTo'), children: check.registered ? (check.validTo ? formatDate(check.validTo, locale) : t('licences.longTerm')) : '—' },
    ...(check.revokedAt ? [{ key: 'revokedAt', label: t('licences.field.revokedAt'), children: formatTime(check.revokedAt, locale) }] : []),
    {
      key: 'signature',
      label: t('licences.verdict.signature'),
      children: <Tag color={check.signature === 'valid' ? 'green' : 'red'} data-testid="licence-verdict-signature" data-signature={check.signature}>{signatureText(t, check.signature)}</Tag>,
    },
    { key: 'registered', label: t('licences.verdict.registered'), children: check.registered ? t('licences.verdict.registeredYes') : t('licences.verdict.registeredNo') },
    { key: 'issuerMatches', label: t('licences.verdict.issuerMatches'), children: yesNo(check.issuerMatches) },
  ];
  return (
    <div data-testid="licence-verdict" data-valid={String(check.valid)} data-reason={reason ?? ''}>
      <Result status={check.valid ? 'success' : 'error'} title={check.valid ? t('licences.verdict.validTitle') : t('licences.verdict.invalidTitle')} subTitle={why} style={{ padding: '16px 0' }} />
      <Descriptions bordered size="small" column={1} items={items} />
    </div>
  );
}

/** Checks a licence file with the public API (no login needed). */
export const verifyLicence = (document: Record<string, unknown>, seal: Record<string, unknown>) =>
  unwrap(api.POST('/api/v1/public/authorization/licences/verify', { body: { document, seal } }));
