import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { Signer } from '../../platform/signing.js';
import { AuthorizationErrors } from './authorization.errors.js';
import type { OrganisationSearch } from './consent.service.js';
import * as repo from './notification.repository.js';
import { platformOperatorId } from './authorization.access.js';

/** What an inbox entry or a webhook can announce. */
export const NOTIFICATION_KINDS = [
  'consent.requested', 'consent.approved', 'consent.rejected', 'consent.withdrawn', 'consent.revoked', 'consent.expired', 'consent.exhausted',
  'consent.deletion_attested', 'consent.deletion_overdue',
  'agreement.applied', 'agreement.reviewed', 'agreement.rejected', 'agreement.withdrawn', 'agreement.sealed', 'agreement.activated', 'agreement.suspended',
  'agreement.resumed', 'agreement.terminated', 'agreement.expired',
  'licence.issued', 'licence.revoked',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const MAX_BACKOFF_MS = 3_600_000;
const BATCH = 20;

/** Why a webhook URL is refused, or null. Private and loopback hosts only when allowed (SSRF guard on literal hosts). */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'userinfo';
  if (url.hash) return 'fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const privateHost = host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^(127|10)\./.test(host) || /^192\.168\./.test(host)
    || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host) || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host);
  if (privateHost && !allowPrivate) return 'private_host';
  return null;
}

/**
 * Notifications (通知) of the digital spaces: an inbox per organisation and organisation webhooks.
 * Both are written in the transaction of the change they announce, so nothing acknowledged is lost;
 * webhooks are then sent by `deliverDue` (the server's sweep, or tests directly), signed with the
 * platform operator's organisation key — `Liutong-Signature: t=<unix>, kid=<key>, alg=Ed25519,
 * sig=<base64url>` over "<t>.<body>", verifiable with the operator's DID document — and retried
 * with exponential backoff (`authorization.webhookBackoffMs`, doubling, at most an hour) until
 * delivered or given up after `authorization.webhookMaxAttempts` (`authorization.webhook.failed`).
 */
export class NotificationService {
  private operatorSigner: { at: number; signer: Signer } | null = null;

  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationSearch,
    private readonly keys: { signerFor(orgId: string): Promise<Signer> },
  ) {}

  /** In the caller's transaction: an inbox entry for each organisation, a delivery for each of its webhooks that wants the kind. */
  async notify(tx: Tx, orgIds: string[], kind: NotificationKind, subject: { type: string; id: string }, payload: Record<string, unknown>): Promise<void> {
    const now = this.k.clock.now();
    const targets = [...new Set(orgIds)];
    const hooks = await repo.activeWebhooks(tx, targets);
    for (const orgId of targets) {
      const n: repo.NotificationRow = { id: newId('ntf'), orgId, kind, subjectType: subject.type, subjectId: subject.id, payload, createdAt: now, readAt: null };
      await repo.insertNotification(tx, n);
      for (const w of hooks.filter((h) => h.orgId === orgId && (h.kinds.length === 0 || h.kinds.includes(kind)))) {
        const body = JSON.stringify({ id: n.id, kind, occurredAt: now.toISOString(), orgId, subject, payload });
        await repo.insertDelivery(tx, {
          id: newId('whd'), webhookId: w.id, orgId, notificationId: n.id, url: w.url, body, attempts: 0, nextAttemptAt: now, status: 'pending',
          lastStatus: null, lastError: null, createdAt: now, deliveredAt: null,
        });
      }
    }
  }

  private view(n: repo.NotificationRow) {
    return { id: n.id, kind: n.kind, subject: { type: n.subjectType, id: n.subjectId }, payload: n.payload, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
  }

  async inbox(by: Principal, q: { unread?: boolean | undefined; page: number; pageSize: number }) {
    const r = await repo.listNotifications(this.k.db, { orgId: by.orgId, unread: q.unread, page: q.page, pageSize: q.pageSize });
    return { items: r.items.map((n) => this.view(n)), total: r.total, unread: r.unread, page: q.page, pageSize: q.pageSize };
  }

  /** Marks one notification (or, with null, all) of the caller's organisation read. */
  async markRead(by: Principal, id: string | null) {
    const n = await repo.markRead(this.k.db, by.orgId, id, this.k.clock.now());
    if (id && n === 0) {
      const mine = (await repo.listNotifications(this.k.db, { orgId: by.orgId, page: 1, pageSize: 1 })).items;
      if (!mine.length) throw new AppError(AuthorizationErrors.AUTHORIZATION_NOTIFICATION_NOT_FOUND);
    }
    return { marked: n };
  }

  private webhookView(w: repo.WebhookRow) {
    return { id: w.id, url: w.url, kinds: w.kinds, status: w.status, createdAt: w.createdAt.toISOString() };
  }

  async registerWebhook(by: Principal, url: string, kinds: NotificationKind[], requestId?: string) {
    const problem = webhookUrlProblem(url, this.k.config.authorization.webhookAllowPrivate);
    if (problem) throw new AppError(AuthorizationErrors.AUTHORIZATION_WEBHOOK_URL_INVALID, { reason: problem }, { reason: problem });
    const w: repo.WebhookRow = { id: newId('whk'), orgId: by.orgId, url, kinds: [...new Set(kinds)], status: 'active', createdAt: this.k.clock.now() };
    return this.k.transact(async (tx, emit) => {
      await repo.insertWebhook(tx, w);
      await emit({ type: 'authorization.webhook.registered', subject: { type: 'webhook', id: w.id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { url, kinds: w.kinds } });
      return this.webhookView(w);
    });
  }

  async webhooks(by: Principal) {
    return { items: (await repo.listWebhooks(this.k.db, by.orgId)).map((w) => this.webhookView(w)) };
  }

  private async own(by: Principal, id: string) {
    const w = await repo.findWebhook(this.k.db, id);
    if (!w || w.orgId !== by.orgId || w.status !== 'active') throw new AppError(AuthorizationErrors.AUTHORIZATION_WEBHOOK_NOT_FOUND);
    return w;
  }

  async deleteWebhook(by: Principal, id: string, requestId?: string) {
    const w = await this.own(by, id);
    return this.k.transact(async (tx, emit) => {
      await repo.setWebhookStatus(tx, id, 'deleted');
      await emit({ type: 'authorization.webhook.deleted', subject: { type: 'webhook', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { url: w.url } });
      return { ...this.webhookView(w), status: 'deleted' as const };
    });
  }

  async deliveries(by: Principal, webhookId: string, page: number, pageSize: number) {
    await this.own(by, webhookId);
    const r = await repo.listDeliveries(this.k.db, webhookId, page, pageSize);
    return {
      items: r.items.map((d) => ({ id: d.id, notificationId: d.notificationId, attempts: d.attempts, status: d.status, lastStatus: d.lastStatus, lastError: d.lastError, nextAttemptAt: d.nextAttemptAt.toISOString(), createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null })),
      total: r.total, page, pageSize,
    };
  }

  private async signer(): Promise<Signer> {
    const now = Date.now();
    if (this.operatorSigner && now - this.operatorSigner.at < 60_000) return this.operatorSigner.signer;
    const signer = await this.keys.signerFor(await platformOperatorId(this.orgs));
    this.operatorSigner = { at: now, signer };
    return signer;
  }

  /** Sends the webhooks that are due (one attempt each); returns what happened. */
  async deliverDue(): Promise<{ delivered: number; retried: number; failed: number }> {
    const out = { delivered: 0, retried: 0, failed: 0 };
    const cfg = this.k.config.authorization;
    for (;;) {
      const now = this.k.clock.now();
      const due = await repo.dueDeliveries(this.k.db, now, BATCH);
      if (!due.length) return out;
      for (const d of due) {
        // Claimed for this attempt: another sender skips it while it is on the wire.
        if (!(await repo.claim(this.k.db, d, new Date(now.getTime() + cfg.webhookTimeoutMs + 60_000)))) continue;
        const result = await this.send(d);
        const at = this.k.clock.now();
        d.attempts += 1;
        d.lastStatus = result.status;
        d.lastError = result.error;
        if (result.ok) {
          Object.assign(d, { status: 'delivered', deliveredAt: at, nextAttemptAt: at });
          await repo.saveAttempt(this.k.db, d);
          out.delivered++;
        } else if (d.attempts >= cfg.webhookMaxAttempts) {
          d.status = 'failed';
          d.nextAttemptAt = at;
          await this.k.transact(async (tx, emit) => {
            await repo.saveAttempt(tx, d);
            await emit({
              type: 'authorization.webhook.failed', subject: { type: 'webhook', id: d.webhookId }, orgId: d.orgId, actor: { kind: 'system' },
              payload: { webhookId: d.webhookId, notificationId: d.notificationId, attempts: d.attempts, lastStatus: d.lastStatus, lastError: d.lastError },
            });
          });
          out.failed++;
        } else {
          d.nextAttemptAt = new Date(at.getTime() + Math.min(cfg.webhookBackoffMs * 2 ** (d.attempts - 1), MAX_BACKOFF_MS));
          await repo.saveAttempt(this.k.db, d);
          out.retried++;
        }
      }
      if (due.length < BATCH) return out;
    }
  }

  private async send(d: repo.DeliveryRow): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    try {
      const signer = await this.signer();
      const t = Math.floor(this.k.clock.now().getTime() / 1000);
      const sig = signer.sign(Buffer.from(`${t}.${d.body}`, 'utf8')).toString('base64url');
      const res = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.k.config.authorization.webhookTimeoutMs),
        headers: { 'content-type': 'application/json', 'liutong-delivery': d.id, 'liutong-signature': `t=${t}, kid=${signer.keyId}, alg=${signer.algorithm}, sig=${sig}` },
        body: d.body,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status, error: null } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, status: null, error: (err as Error).message.slice(0, 300) };
    }
  }
}
