import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { consentActions } from '../../access';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { msg, TextModal } from '../authorization/authorization.view';
import type { Consent } from './space.view';

type Step = 'approve' | 'reject' | 'revoke' | 'withdraw' | 'attest';

/**
 * The steps the caller may take on one authorization now (consentActions in access.ts): the
 * holder approves (sealing the consent record), rejects with a reason or revokes; the requester
 * withdraws a pending request or attests deletion once it has ended. Confirmed first; the
 * server's refusal is shown in place.
 */
export function ConsentActions({ consent, onDone, size = 'middle' }: { consent: Consent; onDone(next: Consent): void; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'reject' | 'attest' | null>(null);
  const can = consentActions(me ?? null, consent);
  const path = { params: { path: { consentId: consent.id } } };
  const suffix = size === 'small' ? `-${consent.id}` : '';

  const done = (name: Step, next: Consent) => {
    message.success(msg(t, `space.done.${name}`));
    onDone(next);
  };
  const run = (name: 'approve' | 'revoke' | 'withdraw') => async () => {
    setBusy(name);
    setError(null);
    try {
      const next = await unwrap(
        name === 'approve'
          ? api.POST('/api/v1/authorization/consents/{consentId}/approve', path)
          : name === 'revoke'
            ? api.POST('/api/v1/authorization/consents/{consentId}/revoke', path)
            : api.POST('/api/v1/authorization/consents/{consentId}/withdraw', path),
      );
      done(name, next);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const confirm = (name: 'approve' | 'revoke' | 'withdraw', danger: boolean) => (
    <Popconfirm
      title={msg(t, `space.confirm.${name}`)}
      description={<div style={{ maxWidth: 320 }}>{msg(t, `space.confirm.${name}Text`)}</div>}
      okText={msg(t, `space.action.${name}`)}
      okButtonProps={{ danger, 'data-testid': `consent-${name}-ok` } as { danger: boolean }}
      cancelText={t('common.cancel')}
      onConfirm={run(name)}
    >
      <Button size={size} type={danger ? 'default' : 'primary'} danger={danger} loading={busy === name} data-testid={`consent-${name}${suffix}`}>
        {msg(t, `space.action.${name}`)}
      </Button>
    </Popconfirm>
  );

  if (!can.approve && !can.reject && !can.revoke && !can.withdraw && !can.attest) return null;
  return (
    <>
      <Space wrap size={[8, 8]} data-testid={`consent-actions${suffix}`}>
        {can.approve && confirm('approve', false)}
        {can.reject && (
          <Button size={size} danger onClick={() => setDialog('reject')} data-testid={`consent-reject${suffix}`}>
            {t('space.action.reject')}
          </Button>
        )}
        {can.revoke && confirm('revoke', true)}
        {can.withdraw && confirm('withdraw', true)}
        {can.attest && (
          <Button size={size} type="primary" onClick={() => setDialog('attest')} data-testid={`consent-attest${suffix}`}>
            {t('space.action.attest')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginTop: 8 }} data-testid="consent-action-error" onClose={() => setError(null)} />}
      {dialog && (
        <TextModal
          title={t(dialog === 'reject' ? 'space.dialog.reject' : 'space.dialog.attest')}
          label={t(dialog === 'reject' ? 'space.field.reason' : 'space.field.statement')}
          intro={t(dialog === 'reject' ? 'space.dialog.rejectIntro' : 'space.dialog.attestIntro')}
          required
          testId={dialog === 'reject' ? 'consent-reject-text' : 'consent-attest-text'}
          onSend={async (words) => {
            const next = await unwrap(
              dialog === 'reject'
                ? api.POST('/api/v1/authorization/consents/{consentId}/reject', { ...path, body: { reason: words ?? '' } })
                : api.POST('/api/v1/authorization/consents/{consentId}/deletion', { ...path, body: { statement: words ?? '' } }),
            );
            setDialog(null);
            done(dialog, next);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
