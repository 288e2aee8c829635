import { Type } from '@sinclair/typebox';
import { PageQuery, Strict } from '../../platform/http/schemas.js';

const Fen = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'a positive whole number of fen as a decimal string' });
const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });

export const MoneyBody = Type.Object(
  {
    orgId: OrgId,
    amountFen: Fen,
    ref: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: "the bank transaction's reference: posting it again posts nothing" }),
    memo: Type.String({ maxLength: 500 }),
  },
  { ...Strict, description: 'money a member paid in or takes out (the payment itself happens at the bank)' },
);
export const Posted = Type.Object({ journalId: Type.String(), duplicate: Type.Boolean({ description: 'true when this reference was posted before: nothing was posted again' }), availableFen: Type.String() });
export const OrgParams = Type.Object({ orgId: OrgId }, Strict);
export const StatementQuery = Type.Object(PageQuery, Strict);
export const Statement = Type.Object({
  orgId: Type.String(),
  accounts: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), ref: Type.Union([Type.String(), Type.Null()]), balanceFen: Type.String() })),
  items: Type.Array(Type.Object({ journalId: Type.String(), line: Type.Integer(), kind: Type.String(), ref: Type.String(), memo: Type.String(), postedAt: Type.String(), accountKind: Type.String(), amountFen: Type.String({ description: 'money in positive, out negative' }) })),
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});
export const Reconciliation = Type.Object({ ok: Type.Boolean(), accounts: Type.Integer(), journals: Type.Integer(), postings: Type.Integer(), problems: Type.Array(Type.String()) });
