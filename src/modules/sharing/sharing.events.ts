/** The sharing module's domain events and their payloads. Every transition of a request is one. */
type RowFilter = Record<string, string[]> | null;
interface Scope {
  fields: string[];
  rowFilter: RowFilter;
  ratePerMinute: number | null;
  validFrom: string;
  validTo: string;
}

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** A request made; `status` is where the resource's sharing type took it (pending, granted at once, refused at once). */
    'sharing.request.created': Scope & {
      resourceId: string;
      resourceVersion: number;
      sourceOrgId: string;
      requesterOrgId: string;
      sharingType: 'unconditional' | 'conditional' | 'none';
      status: 'pending' | 'granted' | 'refused';
      purpose: string;
      legalBasis: string;
      deadlineAt: string | null;
      workingDays: number | null;
    };
    /** 无条件共享: granted at once. */
    'sharing.request.granted': Scope & { grantId: string; by: 'unconditional' };
    /** 不予共享: refused at once with the resource's recorded basis. */
    'sharing.request.refused': { basis: string };
    /** 有条件共享 approved by the source unit, possibly narrowed (`narrowed` names what). */
    'sharing.request.approved': Scope & { grantId: string; narrowed: string[]; late: boolean };
    'sharing.request.rejected': { reason: string; late: boolean };
    'sharing.request.withdrawn': Record<string, never>;
    /** A granted request narrowed further by the source unit; the grant follows. */
    'sharing.request.narrowed': Scope & { grantId: string; narrowed: string[] };
    'sharing.request.revoked': { grantId: string; reason: string };
    /** A pending request past its working-day deadline (emitted once, by the sweep). */
    'sharing.request.overdue': { deadlineAt: string; workingDays: number; sourceOrgId: string };
  }
}

export {};
