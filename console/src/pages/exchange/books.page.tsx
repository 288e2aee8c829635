/**
 * The exchange's books (账簿) as a member and the exchange see them: an organisation's balances —
 * its available money and the escrow held per contract — and its statement, newest first, money in
 * positive. A member sees its own; the exchange and the regulator pick any member organisation, or
 * the exchange's own accounts (its bank, fee income and clearing). A settlement line links to its
 * batch. The
 * exchange's finance staff record a member's deposit or withdrawal made at the bank (its reference
 * makes it idempotent: posting it again posts nothing and says so); the exchange and the regulator
 * reconcile the books. Settlement runs on its own page (settlements.page.tsx).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, PlusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { listPagination, useListParams } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatFen, yuanToFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { balancesOf, batchOfRef, negotiationOfRef } from './trade.rules';
import { accountLabel, journalLabel, type StatementLine } from './trade.view';

const PAGE_SIZE = 20;
const ORG_ID = /^org_[0-9a-z]{20}$/;
const EXCHANGE = 'exchange';

export default function BooksPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const [params, set] = useListParams();
  const [round, setRound] = useState(0);
  const [moving, setMoving] = useState<'deposit' | 'withdrawal' | null>(null);
  const [posted, setPosted] = useState<{ kind: 'deposit' | 'withdrawal'; orgId: string; journalId: string; duplicate: boolean; availableFen: string } | null>(null);
  const oversee = access['exchange.review'];
  const finance = access['exchange.finance'];
  const chosen = params.get('org') ?? '';
  // The exchange's own accounts (bank, fee income, clearing): `org=exchange`, for the exchange and the regulator.
  const exchangeBooks = oversee && chosen === EXCHANGE;
  const orgId = exchangeBooks ? EXCHANGE : oversee && ORG_ID.test(chosen) ? chosen : (me?.orgId ?? '');
  const page = Math.max(1, Number(params.get('page')) || 1);
  // The member organisations the exchange and the regulator may pick (active memberships, once each).
  const members = useApiResource(`books-members-${oversee ? 'all' : 'none'}`, async () => {
    if (!oversee) return [];
    const items = (await unwrap(api.GET('/api/v1/exchange/members', { params: { query: { status: 'active', page: 1, pageSize: 200 } } }))).items;
    return [...new Map(items.map((m) => [m.orgId, m.orgName])).entries()].map(([id, name]) => ({ id, name }));
  });
  const statement = useApiResource(`books-statement-${orgId}-${page}-${round}`, () =>
    exchangeBooks
      ? unwrap(api.GET('/api/v1/exchange/books/exchange', { params: { query: { page, pageSize: PAGE_SIZE } } }))
      : unwrap(api.GET('/api/v1/exchange/books/orgs/{orgId}/statement', { params: { path: { orgId }, query: { page, pageSize: PAGE_SIZE } } })),
  );
  const s = statement.data && statement.data.orgId === (exchangeBooks ? null : orgId) ? statement.data : undefined;
  const b = s && !exchangeBooks ? balancesOf(s.accounts) : null;
  const own = orgId === me?.orgId;
  const orgOptions = (members.data ?? []).map((m) => ({ value: m.id, label: orgName(m.name, locale) }));
  const pickOptions = [{ value: EXCHANGE, label: t('trade.books.exchangeOwn') }, ...orgOptions];
  const shownName = own ? t('trade.books.ownOrg') : (orgOptions.find((o) => o.value === orgId)?.label ?? orgId);

  return (
    <div data-testid="books" data-org={orgId}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="books-title">
          {t('trade.books.title')}
        </Typography.Title>
        {finance && (
          <Space wrap>
            <Button type="primary" icon={<PlusCircleOutlined />} onClick={() => setMoving('deposit')} data-testid="books-deposit">
              {t('trade.books.deposit')}
            </Button>
            <Button icon={<MinusCircleOutlined />} onClick={() => setMoving('withdrawal')} data-testid="books-withdraw">
              {t('trade.books.withdraw')}
            </Button>
          </Space>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t(oversee ? 'trade.books.introExchange' : 'trade.books.intro')}</Typography.Paragraph>
      {oversee && (
        <div className="lt-toolbar">
          <Space wrap size={[12, 8]} style={{ width: '100%' }}>
            <span>{t('trade.books.org')}</span>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={own ? undefined : orgId}
              placeholder={t('trade.books.pickOrg')}
              allowClear
              onChange={(v) => set({ org: v })}
              options={pickOptions}
              loading={members.loading}
              aria-label={t('trade.books.org')}
              data-testid="books-org"
            />
          </Space>
        </div>
      )}
      {posted && (
        <Alert
          type={posted.duplicate ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setPosted(null)}
          style={{ marginBottom: 16 }}
          data-testid="books-posted"
          data-duplicate={posted.duplicate ? 'true' : 'false'}
          data-available-fen={posted.availableFen}
          data-journal={posted.journalId}
          title={t(posted.duplicate ? 'trade.books.postedDuplicate' : posted.kind === 'deposit' ? 'trade.books.postedDeposit' : 'trade.books.postedWithdrawal', { available: formatFen(posted.availableFen) })}
        />
      )}
      {statement.error && <Alert type="error" showIcon title={statement.error} style={{ marginBottom: 16 }} data-testid="books-error" />}
      {exchangeBooks && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="books-exchange-accounts">
          {(s?.accounts ?? []).map((a) => (
            <Col key={`${a.kind}-${a.ref ?? ''}`} xs={24} md={8}>
              <Card size="small" data-testid={`books-account-${a.kind}`} data-fen={a.balanceFen}>
                <Statistic title={accountLabel(t, a.kind)} value={formatFen(a.balanceFen)} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {!exchangeBooks && <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" data-testid="books-available" data-fen={b?.availableFen ?? ''}>
            <Statistic title={t('trade.books.available', { org: shownName })} value={b ? formatFen(b.availableFen) : '—'} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" data-testid="books-escrow" data-fen={b?.escrowFen ?? ''}>
            <Statistic title={t('trade.books.escrowTotal')} value={b ? formatFen(b.escrowFen) : '—'} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('trade.books.escrowPerContract')} data-testid="books-escrow-contracts">
            {b && b.escrow.filter((e) => e.fen !== '0').length > 0 ? (
              <List
                size="small"
                dataSource={b.escrow.filter((e) => e.fen !== '0')}
                renderItem={(e) => (
                  <List.Item data-testid={`books-escrow-${e.negotiationId}`} data-fen={e.fen} extra={<span style={{ whiteSpace: 'nowrap' }}>{formatFen(e.fen)}</span>}>
                    <Link to={`/console/exchange/negotiations/${e.negotiationId}`} className="lt-mono" style={{ wordBreak: 'break-all' }}>{e.negotiationId}</Link>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('trade.books.noEscrow')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>}
      <Card title={t('trade.books.statement')} style={{ marginBottom: 16 }}>
        <Table<StatementLine>
          rowKey={(l) => `${l.journalId}-${l.line}`}
          size="small"
          loading={statement.loading}
          dataSource={s?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="books-statement"
          data-total={s && !statement.loading ? s.total : undefined}
          onRow={(l) => ({ 'data-testid': `books-line-${l.journalId}-${l.line}`, 'data-journal': l.journalId, 'data-kind': l.kind, 'data-account': l.accountKind, 'data-fen': l.amountFen, 'data-ref': l.ref }) as React.HTMLAttributes<HTMLElement>}
          pagination={listPagination(t, page, PAGE_SIZE, s?.total ?? 0, (p) => set({ page: String(p) }))}
          locale={{ emptyText: t('trade.books.empty') }}
          columns={[
            { title: t('trade.books.col.at'), dataIndex: 'postedAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
            { title: t('trade.books.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => <Tag>{journalLabel(t, k)}</Tag> },
            { title: t('trade.books.col.account'), dataIndex: 'accountKind', key: 'account', render: (k: string) => <span style={{ whiteSpace: 'nowrap' }}>{accountLabel(t, k)}</span> },
            {
              title: t('trade.books.col.amount'),
              dataIndex: 'amountFen',
              key: 'amount',
              align: 'right',
              render: (v: string) => (
                <Typography.Text type={v.startsWith('-') ? 'danger' : 'success'} style={{ whiteSpace: 'nowrap' }}>
                  {v.startsWith('-') ? formatFen(v) : `+${formatFen(v)}`}
                </Typography.Text>
              ),
            },
            { title: t('trade.books.col.memo'), dataIndex: 'memo', key: 'memo', render: (v: string) => v || '—' },
            {
              title: t('trade.books.col.ref'),
              dataIndex: 'ref',
              key: 'ref',
              render: (v: string) => {
                const neg = negotiationOfRef(v);
                const batch = batchOfRef(v);
                if (neg) return <Link to={`/console/exchange/negotiations/${neg}`} className="lt-mono">{v}</Link>;
                return batch ? <Link to={`/console/exchange/settlements/${batch}`} className="lt-mono" data-testid={`books-batch-link-${batch}`}>{v}</Link> : <span className="lt-mono">{v}</span>;
              },
            },
          ]}
        />
      </Card>
      {oversee && <ReconciliationCard />}
      {moving && (
        <MoneyModal
          kind={moving}
          orgs={orgOptions}
          orgId={own || exchangeBooks ? undefined : orgId}
          onClose={() => setMoving(null)}
          onPosted={(r) => {
            setMoving(null);
            setPosted(r);
            if (r.orgId !== orgId) set({ org: r.orgId });
            else setRound((x) => x + 1);
          }}
        />
      )}
    </div>
  );
}

interface MoneyValues {
  orgId: string;
  amount: string;
  ref: string;
  memo: string;
}

/** A deposit or withdrawal the exchange's finance staff record for a member (its bank reference, a memo). */
function MoneyModal(props: { kind: 'deposit' | 'withdrawal'; orgs: Array<{ value: string; label: string }>; orgId: string | undefined; onClose(): void; onPosted(r: { kind: 'deposit' | 'withdrawal'; orgId: string; journalId: string; duplicate: boolean; availableFen: string }): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoneyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deposit = props.kind === 'deposit';
  return (
    <FormModal open title={t(deposit ? 'trade.books.deposit' : 'trade.books.withdraw')} busy={busy} error={error} onCancel={props.onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t(deposit ? 'trade.books.depositIntro' : 'trade.books.withdrawIntro')}</Typography.Paragraph>
      <Form<MoneyValues>
        form={form}
        layout="vertical"
        initialValues={{ orgId: props.orgId, memo: '' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body = { orgId: v.orgId, amountFen: yuanToFen(v.amount)!, ref: v.ref.trim(), memo: (v.memo ?? '').trim() };
            const r = deposit ? await unwrap(api.POST('/api/v1/exchange/books/deposits', { body })) : await unwrap(api.POST('/api/v1/exchange/books/withdrawals', { body }));
            if (!r.duplicate) message.success(t('trade.books.posted'));
            props.onPosted({ kind: props.kind, orgId: v.orgId, ...r });
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="orgId" label={t('trade.books.org')} rules={[{ required: true, message: t('trade.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={props.orgs} data-testid="money-org" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('trade.books.amount')}
          rules={[
            { required: true, whitespace: true, message: t('trade.required') },
            { validator: async (_: unknown, v: string | undefined) => { if (v && !/^[1-9][0-9]*$/.test(yuanToFen(v) ?? '')) throw new Error(t('trade.books.amountRule')); } },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="money-amount" />
        </Form.Item>
        <Form.Item name="ref" label={t('trade.books.ref')} extra={t('trade.books.refHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9._:-]{1,100}$/, message: t('trade.books.refRule') }]}>
          <Input className="lt-mono" data-testid="money-ref" />
        </Form.Item>
        <Form.Item name="memo" label={t('trade.books.memo')}>
          <Input maxLength={500} data-testid="money-memo" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Reconciliation of the books now (the exchange, the regulator): every journal balances, every balance equals its lines. */
function ReconciliationCard() {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const r = useApiResource(`books-reconciliation-${round}`, () => unwrap(api.GET('/api/v1/exchange/books/reconciliation')));
  const d = r.data;
  return (
    <Card
      title={t('trade.books.reconciliation')}
      data-testid="books-reconciliation"
      data-ok={d && !r.loading ? String(d.ok) : ''}
      extra={
        <Button icon={<ReloadOutlined />} loading={r.loading} onClick={() => setRound((x) => x + 1)} data-testid="books-reconcile">
          {t('trade.books.reconcile')}
        </Button>
      }
    >
      {r.error && <Alert type="error" showIcon title={r.error} />}
      {d && (
        <>
          <Space style={{ marginBottom: 12 }}>
            {d.ok ? (
              <Tag color="green" icon={<CheckCircleFilled />}>{t('trade.books.balanced')}</Tag>
            ) : (
              <Tag color="red" icon={<CloseCircleFilled />}>{t('trade.books.unbalanced', { n: d.problems.length })}</Tag>
            )}
          </Space>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('trade.books.accounts')}>{d.accounts}</Descriptions.Item>
            <Descriptions.Item label={t('trade.books.journals')}>{d.journals}</Descriptions.Item>
            <Descriptions.Item label={t('trade.books.postings')}>{d.postings}</Descriptions.Item>
          </Descriptions>
          {d.problems.length > 0 && (
            <List size="small" dataSource={d.problems} renderItem={(p) => <List.Item className="lt-mono">{p}</List.Item>} data-testid="books-problems" />
          )}
        </>
      )}
    </Card>
  );
}
