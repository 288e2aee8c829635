/** The gateway module's domain events and their payloads. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    'gateway.grant.issued': {
      kind: string;
      sourceRef: string;
      resourceId: string;
      grantorOrgId: string;
      granteeOrgId: string;
      fields: string[];
      rowFilter: Record<string, string[]> | null;
      purpose: string | null;
      validFrom: string;
      expiresAt: string | null;
      ratePerMinute: number | null;
      dailyRowQuota: number | null;
      masking: Record<string, string> | null;
    };
    'gateway.grant.narrowed': { resourceId: string; granteeOrgId: string; changed: string[]; fields: string[]; rowFilter: Record<string, string[]> | null; expiresAt: string | null; ratePerMinute: number | null; dailyRowQuota: number | null };
    'gateway.grant.revoked': { resourceId: string; granteeOrgId: string; reason: string };
    'gateway.grant.expired': { resourceId: string; granteeOrgId: string; expiresAt: string };
    /** A batch commitment: the Merkle root (RFC 9162) over one grant's call records of one interval. */
    'gateway.calls.committed': { commitmentId: string; grantId: string | null; calls: number; rows: number; bytes: number; root: string; firstAt: string; lastAt: string };
  }
}

export {};
