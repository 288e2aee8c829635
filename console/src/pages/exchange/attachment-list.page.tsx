/**
 * Insurance and custody (数据保险 · 数据托管) for a service provider: the attachments my organisation
 * made to contracts, newest first, and attaching a policy or a custody agreement to a contract in
 * force named by its negotiation id or its link (the parties pass it on) — kind, whose interest it
 * covers, the reference, what is covered, the sum insured (insurance), the premium or fee, validity,
 * and the document's SHA-256 computed in the browser from the file, which is never sent. The server
 * decides whether the organisation is an active member offering that service and not a party.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography, Upload } from 'antd';
import { FileProtectOutlined, UploadOutlined } from '@ant-design/icons';
import { listPagination } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { yuanToFen } from '../../format/money.format';
import { ATTACHMENT_KINDS, attachmentProblem, BENEFICIARIES, isCalendarDate, negotiationIdIn, SHA256_HEX, sha256Hex, shanghaiToday } from './trade.rules';
import { attachmentKindLabel, AttachmentsTable, useOrgDirectory, type Attachment } from './trade.view';

const PAGE_SIZE = 20;

export default function AttachmentListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);
  const [attaching, setAttaching] = useState(false);
  const list = useApiResource(`exchange-attachments-${page}-${round}`, () => unwrap(api.GET('/api/v1/exchange/attachments', { params: { query: { page, pageSize: PAGE_SIZE } } })));
  const nameOf = useOrgDirectory(locale);
  return (
    <div data-testid="attachments-page">
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="attachments-title">
          {t('trade.attachments.title')}
        </Typography.Title>
        {access['exchange.attach'] && (
          <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setAttaching(true)} data-testid="attachment-new">
            {t('trade.attachments.attach')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('trade.attachments.intro')}</Typography.Paragraph>
      <Card>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
        <AttachmentsTable
          items={list.data?.items ?? []}
          nameOf={nameOf}
          contract
          testId="attachments-list"
          pagination={listPagination(t, page, PAGE_SIZE, list.data?.total ?? 0, setPage)}
        />
      </Card>
      {attaching && (
        <AttachModal
          onClose={() => setAttaching(false)}
          onAttached={() => {
            setAttaching(false);
            setPage(1);
            setRound((r) => r + 1);
          }}
        />
      )}
    </div>
  );
}

interface AttachValues {
  contract: string;
  kind: (typeof ATTACHMENT_KINDS)[number];
  beneficiary: (typeof BENEFICIARIES)[number];
  reference: string;
  description: string;
  coverage?: string;
  premium?: string;
  validUntil?: string;
  documentSha256?: string;
}

const moneyRule = (t: ReturnType<typeof useI18n>['t'], zeroOk: boolean) => ({
  validator: async (_: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return;
    const fen = yuanToFen(v);
    if (!fen || !(zeroOk ? /^(0|[1-9][0-9]{0,17})$/ : /^[1-9][0-9]{0,17}$/).test(fen)) throw new Error(t('trade.books.amountRule'));
  },
});

function AttachModal({ onClose, onAttached }: { onClose(): void; onAttached(a: Attachment): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AttachValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hashed, setHashed] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'insurance';
  const hashFile = async (file: File) => {
    form.setFieldValue('documentSha256', await sha256Hex(await file.arrayBuffer()));
    await form.validateFields(['documentSha256']).catch(() => {});
    setHashed(file.name);
  };
  return (
    <FormModal open title={t('trade.attachments.attach')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('trade.attachments.attachIntro')}</Typography.Paragraph>
      <Form<AttachValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'insurance', beneficiary: 'buyer' }}
        onFinish={async (v) => {
          const negotiationId = negotiationIdIn(v.contract)!;
          const coverageFen = v.kind === 'insurance' && v.coverage?.trim() ? yuanToFen(v.coverage) : null;
          const validUntil = v.validUntil?.trim() || null;
          const problem = attachmentProblem({ kind: v.kind, coverageFen, validUntil }, shanghaiToday());
          if (problem) {
            setError(t(`trade.attachments.problem.${problem}`));
            return;
          }
          const premiumFen = v.premium?.trim() ? yuanToFen(v.premium) : null;
          const documentSha256 = v.documentSha256?.trim().toLowerCase();
          setBusy(true);
          setError(null);
          try {
            const a = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/attachments', {
              params: { path: { negotiationId } },
              body: {
                kind: v.kind, beneficiary: v.beneficiary, reference: v.reference.trim(), description: v.description.trim(),
                ...(coverageFen ? { coverageFen } : {}), ...(premiumFen ? { premiumFen } : {}), ...(validUntil ? { validUntil } : {}), ...(documentSha256 ? { documentSha256 } : {}),
              },
            }));
            message.success(t('trade.attachments.attached'));
            onAttached(a);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="contract"
          label={t('trade.attachments.contract')}
          extra={t('trade.attachments.contractHint')}
          rules={[{ required: true, validator: async (_: unknown, v: string | undefined) => { if (!v || !negotiationIdIn(v)) throw new Error(t('trade.attachments.contractRule')); } }]}
        >
          <Input className="lt-mono" placeholder={t('trade.attachments.contractPlaceholder')} data-testid="attachment-contract" />
        </Form.Item>
        <Space wrap size={[24, 0]}>
          <Form.Item name="kind" label={t('trade.attachment.col.kind')}>
            <Radio.Group data-testid="attachment-kind" options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: attachmentKindLabel(t, k) }))} />
          </Form.Item>
          <Form.Item name="beneficiary" label={t('trade.attachment.col.beneficiary')}>
            <Radio.Group data-testid="attachment-beneficiary" options={BENEFICIARIES.map((b) => ({ value: b, label: t(`trade.attachments.beneficiary.${b}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="reference" label={t('trade.attachments.reference')} rules={[{ required: true, whitespace: true, message: t('trade.required') }, { max: 100 }]}>
          <Input className="lt-mono" maxLength={100} data-testid="attachment-reference" />
        </Form.Item>
        <Form.Item name="description" label={t('trade.attachment.col.description')} extra={t('trade.attachments.descriptionHint')} rules={[{ required: true, whitespace: true, message: t('trade.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="attachment-description" />
        </Form.Item>
        <Space wrap align="start" size={[16, 0]}>
          {kind === 'insurance' && (
            <Form.Item name="coverage" label={t('trade.attachments.coverage')} rules={[{ required: true, whitespace: true, message: t('trade.attachments.problem.coverage_required') }, moneyRule(t, false)]}>
              <Input prefix="¥" inputMode="decimal" data-testid="attachment-coverage" />
            </Form.Item>
          )}
          <Form.Item name="premium" label={t(kind === 'insurance' ? 'trade.attachments.premium' : 'trade.attachments.fee')} rules={[moneyRule(t, true)]}>
            <Input prefix="¥" inputMode="decimal" data-testid="attachment-premium" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('trade.attachment.col.validUntil')} rules={[{ validator: async (_: unknown, v: string | undefined) => { if (v && v.trim() && (!isCalendarDate(v.trim()) || v.trim() < shanghaiToday())) throw new Error(t('trade.attachments.problem.valid_until')); } }]}>
            <Input type="date" min={shanghaiToday()} style={{ width: 180 }} data-testid="attachment-valid-until" />
          </Form.Item>
        </Space>
        <Form.Item
          name="documentSha256"
          label={t('trade.attachments.sha256')}
          extra={hashed ? t('trade.filings.hashedFrom', { name: hashed }) : t('trade.attachments.sha256Hint')}
          rules={[{ validator: async (_: unknown, v: string | undefined) => { if (v && v.trim() && !SHA256_HEX.test(v.trim().toLowerCase())) throw new Error(t('trade.destruction.evidenceRule')); } }]}
        >
          <Input className="lt-mono" data-testid="attachment-sha256" />
        </Form.Item>
        <Upload showUploadList={false} beforeUpload={(file) => { void hashFile(file); return false; }} data-testid="attachment-file">
          <Button icon={<UploadOutlined />} data-testid="attachment-hash-file">{t('trade.attachments.hashFile')}</Button>
        </Upload>
      </Form>
    </FormModal>
  );
}
