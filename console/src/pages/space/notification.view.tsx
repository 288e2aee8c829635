/** Pieces of the notification pages (通知): types, the sentence of an entry, and the unread-count event. */
import type { paths } from '../../api/openapi.schema';
import { hasMessage, type Translate } from '../../i18n/i18n.context';
import { msg } from './space.view';

export type Inbox = paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json'];
export type Notification = Inbox['items'][number];
export type Webhook = paths['/api/v1/webhooks']['get']['responses'][200]['content']['application/json']['items'][number];
export type Delivery = paths['/api/v1/webhooks/{webhookId}/deliveries']['get']['responses'][200]['content']['application/json']['items'][number];

export { INBOX_CHANGED, announceInboxChanged } from '../../layout/inbox.events';

export const kindLabel = (t: Translate, kind: string) => (hasMessage(`notifications.kind.${kind}`) ? msg(t, `notifications.kind.${kind}`) : kind);

/**
 * What happened, in words: "广州某商业银行 请求授权使用您的月度用电量与电费". The parties come from the
 * payload (requesterOrgId and holderOrgId of an authorization, operatorOrgId and implementingOrgId
 * of an authorized-operation agreement), the items by code, named when the console knows them.
 */
/** A licence type's name (licences.type.<CODE>), or its code when the console does not know it. */
export const licenceTypeName = (t: Translate, code: string) => (hasMessage(`licences.type.${code}`) ? msg(t, `licences.type.${code}`) : code);

export function notificationText(t: Translate, n: Notification, orgNameOf: (id: string) => string, itemName: (code: string) => string, separator: string): string {
  const p = n.payload as Record<string, unknown>;
  const org = (v: unknown) => (typeof v === 'string' ? orgNameOf(v) : '—');
  const items = Array.isArray(p.items) ? p.items.filter((x): x is string => typeof x === 'string').map(itemName).join(separator) : '—';
  const key = `notifications.text.${n.kind}`;
  return hasMessage(key)
    ? msg(t, key, {
        requester: org(p.requesterOrgId), holder: org(p.holderOrgId), items, operator: org(p.operatorOrgId), implementing: org(p.implementingOrgId), issuer: org(p.issuerOrgId),
        licence: typeof p.licenceType === 'string' ? licenceTypeName(t, p.licenceType) : '—',
      })
    : t('notifications.text.other', { kind: n.kind });
}

/** The page an entry is about: a data-subject authorization or an authorized-operation agreement. */
export function linkOf(n: Notification): string | null {
  const p = n.payload as { consentId?: unknown; agreementId?: unknown };
  if (typeof p.consentId === 'string') return `/console/space/authorizations/${p.consentId}`;
  if (typeof p.agreementId === 'string') return `/console/authorization/agreements/${p.agreementId}`;
  if (n.subject.type === 'authorization_consent') return `/console/space/authorizations/${n.subject.id}`;
  if (n.subject.type === 'authorization_agreement') return `/console/authorization/agreements/${n.subject.id}`;
  if (n.subject.type === 'authorization_licence') return '/console/space';
  return null;
}
