import { useState } from 'react';
import { App, Form, Input } from 'antd';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';

/** Asks for a reason, then runs `act(reason)`; closes with true when it succeeded. */
export function ReasonModal({ title, act, onClose }: { title: string; act(reason: string): Promise<unknown>; onClose(done: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await act(v.reason.trim());
      message.success(t('opendata.done.saved'));
      onClose(true);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal open title={title} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={submit}>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('opendata.form.reason')} rules={[{ required: true, whitespace: true, message: t('opendata.form.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
