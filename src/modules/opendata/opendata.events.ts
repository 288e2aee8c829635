/** The opendata module's domain events and their payloads. */
type I18n = { zh: string; en: string };

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    'opendata.developer.registered': { contactName: string; contactEmail: string };
    'opendata.key.issued': { resourceId: string; grantId: string; grantorOrgId: string };
    'opendata.key.revoked': { resourceId: string; grantId: string };
    'opendata.application.submitted': { resourceId: string; grantorOrgId: string; purpose: string; agreementSha256: string; fields: string[]; expiresAt: string | null };
    'opendata.application.approved': { resourceId: string; grantId: string; fields: string[]; expiresAt: string | null };
    'opendata.application.rejected': { resourceId: string; reason: string };
    'opendata.application.withdrawn': { resourceId: string };
    'opendata.application.revoked': { resourceId: string; grantId: string; reason: string };
    'opendata.app.submitted': { name: I18n; url: string; datasetIds: string[] };
    'opendata.app.approved': { name: I18n };
    'opendata.app.rejected': { reason: string };
    'opendata.app.delisted': { reason: string };
  }
}
export {};
