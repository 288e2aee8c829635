/** The identity module's domain events and their payloads (no secrets, ever). */
import type { JsonWebKey } from '../../platform/signing.js';

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** A relationship between organisations recorded (recusal basis). */
    'identity.relationship.recorded': { relationshipId: string; relatedOrgId: string; kind: string; sharePercent: string | null; since: string; until: string | null };
    'identity.organisation.created': { name: { zh: string; en: string }; uscc: string | null; type: string; roles: string[]; did: string; keyId: string; publicJwk: JsonWebKey };
    'identity.user.created': { username: string; memberRole: string; personRoles: string[] };
    'identity.session.started': { userId: string; expiresAt: string };
    'identity.session.ended': { userId: string | undefined };
    'identity.api_key.created': { name: string; prefix: string; memberRole: string; expiresAt: string | null };
    'identity.api_key.revoked': Record<string, never>;
    'identity.key.rotated': { retiredKeyId: string | null; keyId: string; publicJwk: JsonWebKey };
    'identity.seal.applied': { digest: string; kid: string; signedAt: string; signature: string; purpose?: string };
  }
}

export {};
