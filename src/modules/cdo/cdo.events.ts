/** The cdo module's domain events and their payloads. */
type I18n = { zh: string; en: string };

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    'cdo.appointment.made': { userId: string; name: string; title: string; appointedAt: string; termEnd: string | null; replaces: string | null };
    'cdo.appointment.ended': { userId: string; reason: string };
    'cdo.evaluation.taken': { period: string; weights: Record<string, number>; bodies: number; unavailable: string[]; top: Array<{ orgId: string; score: number | null }> };
    'cdo.dcmm.item.created': { area: string; code: string; name: I18n };
    'cdo.dcmm.item.updated': { code: string; changes: { name?: I18n; active?: boolean; sortOrder?: number } };
    'cdo.dcmm.assessed': { overallLevel: number; overallScore: number; areas: Array<{ area: string; level: number; score: number }>; items: number };
  }
}

export {};
