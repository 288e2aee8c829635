import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { useI18n } from '../i18n/i18n.context';

/** A dialog around a form: submit/cancel buttons, busy state and the server's refusal on top. */
export function FormModal(props: { open: boolean; title: string; busy: boolean; error: string | null; onCancel(): void; onSubmit(): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      okButtonProps={{ 'data-testid': 'form-submit' } as Record<string, string>}
      onCancel={props.onCancel}
      onOk={props.onSubmit}
      destroyOnHidden
    >
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 16 }} />}
      {props.children}
    </Modal>
  );
}
