import type { App } from '../../platform/http/server.js';
import { AppError } from '../../platform/errors.js';
import { errors } from '../../platform/http/schemas.js';
import { ExchangeErrors } from './exchange.errors.js';
import * as S from './exchange.schemas.js';
import type { ExchangeService } from './index.js';

/** The exchange's finance staff record members' money (入金/出金). */
const FINANCE = { roles: ['exchange'], memberRoles: ['finance'] } as const;

/** /api/v1/exchange routes. Thin: rules live in the services. */
export async function exchangeRoutes(app: App, svc: ExchangeService, members: { get(orgId: string): Promise<{ id: string; status: string }> }): Promise<void> {
  const tags = ['exchange'];
  const member = async (orgId: string) => {
    const o = await members.get(orgId).catch(() => null);
    if (!o || o.status !== 'active') throw new AppError(ExchangeErrors.EXCHANGE_ACCOUNT_NOT_FOUND);
  };

  app.post('/exchange/books/deposits', {
    config: { access: FINANCE, event: 'exchange.books.posted' },
    schema: { tags, summary: "Record a member's deposit received at the exchange's bank (the exchange's finance staff); a reference posted before posts nothing", body: S.MoneyBody, response: { 200: S.Posted, 201: S.Posted, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    await member(req.body.orgId);
    const r = await svc.books.deposit(req.body.orgId, BigInt(req.body.amountFen), req.body.ref, req.body.memo.trim(), req.principal, req.id);
    return reply.code(r.duplicate ? 200 : 201).send({ ...r, availableFen: (await svc.books.balance('member_available', req.body.orgId)).toString() });
  });

  app.post('/exchange/books/withdrawals', {
    config: { access: FINANCE, event: 'exchange.books.posted' },
    schema: { tags, summary: "Record a member's withdrawal (the exchange's finance staff): refused beyond its available money", body: S.MoneyBody, response: { 200: S.Posted, 201: S.Posted, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    await member(req.body.orgId);
    const r = await svc.books.withdraw(req.body.orgId, BigInt(req.body.amountFen), req.body.ref, req.body.memo.trim(), req.principal, req.id);
    return reply.code(r.duplicate ? 200 : 201).send({ ...r, availableFen: (await svc.books.balance('member_available', req.body.orgId)).toString() });
  });

  app.get('/exchange/books/orgs/:orgId/statement', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['exchange', 'regulator'] } },
    schema: { tags, summary: "A member's balances and statement (the member itself, the exchange, the regulator)", params: S.OrgParams, querystring: S.StatementQuery, response: { 200: S.Statement, ...errors(400, 401, 403) } },
  }, async (req) => svc.books.statement(req.params.orgId, req.query.page, req.query.pageSize));

  app.get('/exchange/books/reconciliation', {
    config: { access: { roles: ['exchange', 'regulator'] } },
    schema: { tags, summary: 'Reconcile the books now: every journal balances, every balance equals its lines, no forbidden negative balance (the exchange, the regulator)', response: { 200: S.Reconciliation, ...errors(401, 403) } },
  }, async () => svc.books.reconcile());
}
