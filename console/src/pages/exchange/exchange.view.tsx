/**
 * Shared pieces of the exchange's pages (members, brokers, mandates): the vocabularies (mirroring
 * src/modules/exchange/member.rules.ts), status tags and the reason dialog every sanction needs.
 */
import { useState } from 'react';
import { Form, Input, Tag } from 'antd';
import type { Translate } from '../../i18n/i18n.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { errorMessage } from '../../api/api.errors';
import type { MessageKey } from '../../locales/index';

export const MEMBER_KINDS = ['seller', 'buyer', 'data_merchant', 'broker', 'service_provider'] as const;
export const SERVICE_KINDS = ['legal', 'valuation', 'compliance', 'security_assessment', 'insurance', 'custody', 'arbitration'] as const;
export const MEMBER_STATUSES = ['applied', 'active', 'rejected', 'withdrawn', 'suspended', 'terminated'] as const;

const msg = (t: Translate, key: string) => t(key as MessageKey);
export const kindLabel = (t: Translate, k: string) => msg(t, `exchange.kind.${k}`);
export const serviceLabel = (t: Translate, s: string) => msg(t, `exchange.service.${s}`);
export const sideLabel = (t: Translate, s: string) => msg(t, `exchange.side.${s}`);
export const actionLabel = (t: Translate, a: string) => msg(t, `exchange.action.${a}`);

const STATUS_COLOURS: Record<string, string> = { applied: 'blue', active: 'green', rejected: 'red', withdrawn: 'default', suspended: 'orange', terminated: 'red', ended: 'default' };

export function MemberStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {msg(t, `exchange.status.${status}`)}
    </Tag>
  );
}

const STANDING_COLOURS: Record<string, string> = { in_force: 'green', not_yet: 'blue', expired: 'default', suspended: 'orange', revoked: 'red' };

/** Where a broker certificate stands today (in force, not yet valid, expired, suspended, revoked). */
export function StandingTag({ standing, testId }: { standing: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STANDING_COLOURS[standing] ?? 'default'} data-standing={standing} data-testid={testId}>
      {msg(t, `exchange.standing.${standing}`)}
    </Tag>
  );
}

/** Commission in basis points as a percentage (150 → 1.5 %). */
export function percentOf(bp: number): string {
  return `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}

/** A dialog asking for the reason of a decision or sanction (required), then running `onSubmit`. */
export function ReasonModal(props: { title: string; hint: string; onSubmit(reason: string): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={props.title} busy={busy} error={error} onCancel={props.onClose} onSubmit={() => form.submit()}>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await props.onSubmit(v.reason.trim());
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t('exchange.reason')} extra={props.hint} rules={[{ required: true, whitespace: true, message: t('exchange.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
