/**
 * 存证核验: checks an evidence receipt against the ledger's verifier key entirely in the browser
 * (console/src/ledger/receipt.verifier.ts); nothing is sent to the server. Served at the public
 * /verify and at /console/ledger/verify. The only server call is the optional "use this platform's
 * key" button. A receipt handed over in the router state (from the entry page) is filled in.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Tag, Typography, Upload } from 'antd';
import type { DescriptionsProps, UploadProps } from 'antd';
import { CloudDownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import type { MessageKey } from '../../locales/index';
import {
  KeyInputError, parseWitnessKeys, resolveVerifierKey, verifyReceipt, type KeyInputProblem, type ReceiptCheck, type ReceiptReason, type SignatureLine,
} from '../../ledger/receipt.verifier';

/** Files larger than this are not read (a receipt is a few kilobytes). */
const MAX_FILE_BYTES = 1024 * 1024;

type InputProblem = 'receipt_empty' | 'receipt_json' | `key_${KeyInputProblem}` | 'witness_keys';

/** What the verifier concluded: a check of the receipt, or an input it could not use. */
export type VerifyOutcome =
  | { kind: 'check'; check: ReceiptCheck }
  | { kind: 'input'; problem: InputProblem; lines?: number[] };

const REASON: Record<ReceiptReason, MessageKey> = {
  malformed: 'ledger.reason.malformed',
  checkpoint_signature: 'ledger.reason.checkpoint_signature',
  leaf_hash: 'ledger.reason.leaf_hash',
  index_mismatch: 'ledger.reason.index_mismatch',
  inclusion_proof: 'ledger.reason.inclusion_proof',
  witness_signature: 'ledger.reason.witness_signature',
};

const INPUT_PROBLEM: Record<InputProblem, MessageKey> = {
  receipt_empty: 'ledger.input.receipt_empty',
  receipt_json: 'ledger.input.receipt_json',
  key_empty: 'ledger.input.key_empty',
  key_unrecognized: 'ledger.input.key_unrecognized',
  key_no_key: 'ledger.input.key_no_key',
  key_needs_receipt: 'ledger.input.key_needs_receipt',
  witness_keys: 'ledger.input.witness_keys',
};

const SIGNATURE_KIND: Record<SignatureLine['kind'], MessageKey> = {
  log: 'ledger.sig.kind.log',
  cosignature: 'ledger.sig.kind.cosignature',
  other: 'ledger.sig.kind.other',
};

/** Parses the three inputs and verifies; never throws. */
export function verifyInputs(receiptText: string, keyText: string, witnessText: string): VerifyOutcome {
  if (receiptText.trim() === '') return { kind: 'input', problem: 'receipt_empty' };
  let receipt: unknown;
  try {
    receipt = JSON.parse(receiptText);
  } catch {
    return { kind: 'input', problem: 'receipt_json' };
  }
  let key: string;
  try {
    key = resolveVerifierKey(keyText, receipt);
  } catch (err) {
    return { kind: 'input', problem: err instanceof KeyInputError ? `key_${err.problem}` : 'key_unrecognized' };
  }
  const witnesses = parseWitnessKeys(witnessText);
  if (witnesses.invalidLines.length) return { kind: 'input', problem: 'witness_keys', lines: witnesses.invalidLines };
  return { kind: 'check', check: verifyReceipt(receipt, key, witnesses.keys) };
}

function reasonText(t: Translate, check: ReceiptCheck): string {
  if (!check.reason) return '';
  return t(REASON[check.reason], { witness: check.detail ?? '' });
}

function SignatureList({ signatures }: { signatures: SignatureLine[] }) {
  const { t, locale } = useI18n();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="signature-lines">
      {signatures.map((s) => (
        <div key={`${s.name}+${s.keyHash}+${s.kind}`} data-testid="signature-line" data-verified={String(s.verified)}>
          <Space size={[4, 4]} wrap>
            <Tag color={s.verified ? 'green' : 'default'}>{s.verified ? t('ledger.sig.verified') : t('ledger.sig.unverified')}</Tag>
            <Tag>{t(SIGNATURE_KIND[s.kind])}</Tag>
            <Typography.Text className="lt-mono">{`${s.name} +${s.keyHash}`}</Typography.Text>
            {s.timestamp !== undefined && <Typography.Text type="secondary">{t('ledger.sig.cosignedAt', { time: formatTime(s.timestamp * 1000, locale) })}</Typography.Text>}
          </Space>
        </div>
      ))}
    </Space>
  );
}

/** The verdict, with stable test ids: `verify-result` carries `data-valid` and `data-reason`. */
export function VerifyResultView({ outcome }: { outcome: VerifyOutcome }) {
  const { t } = useI18n();
  if (outcome.kind === 'input') {
    return (
      <div data-testid="verify-result" data-valid="false" data-reason={outcome.problem}>
        <Result
          status="warning"
          title={t('ledger.result.inputTitle')}
          subTitle={t(INPUT_PROBLEM[outcome.problem], { lines: (outcome.lines ?? []).join(', ') })}
        />
      </div>
    );
  }
  const { check } = outcome;
  const items: DescriptionsProps['items'] = [];
  if (check.index !== undefined) items.push({ key: 'index', label: t('ledger.result.index'), children: <span className="lt-mono">{check.index}</span> });
  if (check.size !== undefined) items.push({ key: 'size', label: t('ledger.result.size'), children: <span className="lt-mono">{check.size}</span> });
  if (check.origin !== undefined) items.push({ key: 'origin', label: t('ledger.result.origin'), children: <span className="lt-mono">{check.origin}</span> });
  if (check.valid) {
    items.push({
      key: 'witnesses',
      label: t('ledger.result.witnesses'),
      children: check.witnesses?.length ? (
        <Space size={[4, 4]} wrap>
          {check.witnesses.map((w) => (
            <Tag key={w} color="green" className="lt-mono">{w}</Tag>
          ))}
        </Space>
      ) : (
        t('ledger.result.noWitnesses')
      ),
    });
  }
  if (!check.valid && check.reason === 'malformed' && check.detail) {
    items.push({ key: 'detail', label: t('ledger.result.detail'), children: <span className="lt-mono">{check.detail}</span> });
  }
  if (check.signatures?.length) {
    items.push({ key: 'signatures', label: t('ledger.result.signatures'), children: <SignatureList signatures={check.signatures} /> });
  }
  return (
    <div data-testid="verify-result" data-valid={String(check.valid)} data-reason={check.reason ?? ''}>
      <Result
        status={check.valid ? 'success' : 'error'}
        title={check.valid ? t('ledger.result.validTitle') : t('ledger.result.invalidTitle')}
        subTitle={check.valid ? t('ledger.result.validText') : reasonText(t, check)}
      />
      {items.length > 0 && <Descriptions bordered size="small" column={1} items={items} />}
    </div>
  );
}

/** Reads a chosen file as text in the browser; `false` keeps antd Upload from uploading anything. */
function fileReader(onText: (text: string) => void, onError: (key: MessageKey) => void): UploadProps['beforeUpload'] {
  return (file) => {
    if (file.size > MAX_FILE_BYTES) {
      onError('ledger.verify.fileTooLarge');
      return false;
    }
    file.text().then(onText, () => onError('ledger.verify.fileUnreadable'));
    return false;
  };
}

export default function ReceiptVerifyPage() {
  const { t } = useI18n();
  const location = useLocation();
  const handed = (location.state as { receipt?: unknown } | null)?.receipt;
  const [receiptText, setReceiptText] = useState(typeof handed === 'string' ? handed : '');
  const [keyText, setKeyText] = useState('');
  const [witnessText, setWitnessText] = useState('');
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [keyLoading, setKeyLoading] = useState(false);

  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setOutcome(null);
    setFileError(null);
  };
  const setReceipt = edit(setReceiptText);
  const setKey = edit(setKeyText);
  const setWitnesses = edit(setWitnessText);

  async function fillPlatformKey() {
    setKeyLoading(true);
    setKeyError(null);
    try {
      const key = (await unwrap(api.GET('/api/v1/ledger/key'))) as { verifierKey?: unknown } | null;
      if (typeof key?.verifierKey !== 'string') throw new Error('no verifierKey');
      setKey(key.verifierKey);
    } catch (err) {
      setKeyError(err instanceof Error && err.message === 'no verifierKey' ? t('ledger.verify.platformKeyMissing') : errorMessage(err, t));
    } finally {
      setKeyLoading(false);
    }
  }

  function verify() {
    setOutcome(verifyInputs(receiptText, keyText, witnessText));
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('ledger.verify.title')}</Typography.Title>
      </div>
      <Alert type="info" showIcon title={t('ledger.verify.intro')} description={t('ledger.verify.offline')} />

      <Card title={t('ledger.verify.receipt')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Input.TextArea
            className="lt-mono"
            data-testid="receipt-input"
            aria-label={t('ledger.verify.receipt')}
            placeholder={t('ledger.verify.receiptPlaceholder')}
            autoSize={{ minRows: 6, maxRows: 18 }}
            value={receiptText}
            onChange={(e) => setReceipt(e.target.value)}
            spellCheck={false}
          />
          <Upload accept=".json,application/json,text/plain" showUploadList={false} maxCount={1} beforeUpload={fileReader(setReceipt, setFileError)}>
            <Button icon={<UploadOutlined />} data-testid="receipt-upload">{t('ledger.verify.uploadReceipt')}</Button>
          </Upload>
        </Space>
      </Card>

      <Card title={t('ledger.verify.key')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Input.TextArea
            className="lt-mono"
            data-testid="key-input"
            aria-label={t('ledger.verify.key')}
            placeholder={t('ledger.verify.keyPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 12 }}
            value={keyText}
            onChange={(e) => setKey(e.target.value)}
            spellCheck={false}
          />
          <Typography.Text type="secondary">{t('ledger.verify.keyHelp')}</Typography.Text>
          <Space size={[8, 8]} wrap>
            <Upload accept=".json,.txt,.pub,.vkey,application/json,text/plain" showUploadList={false} maxCount={1} beforeUpload={fileReader(setKey, setFileError)}>
              <Button icon={<UploadOutlined />} data-testid="key-upload">{t('ledger.verify.uploadKey')}</Button>
            </Upload>
            <Button icon={<CloudDownloadOutlined />} loading={keyLoading} onClick={() => void fillPlatformKey()} data-testid="platform-key">
              {t('ledger.verify.platformKey')}
            </Button>
          </Space>
          {keyError && <Alert type="error" showIcon title={keyError} data-testid="platform-key-error" />}
        </Space>
      </Card>

      <Card title={t('ledger.verify.witnesses')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Input.TextArea
            className="lt-mono"
            data-testid="witness-input"
            aria-label={t('ledger.verify.witnesses')}
            placeholder={t('ledger.verify.witnessesPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 8 }}
            value={witnessText}
            onChange={(e) => setWitnesses(e.target.value)}
            spellCheck={false}
          />
          <Typography.Text type="secondary">{t('ledger.verify.witnessesHelp')}</Typography.Text>
        </Space>
      </Card>

      {fileError && <Alert type="error" showIcon title={t(fileError)} data-testid="file-error" />}

      <div>
        <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} onClick={verify} data-testid="verify-button">
          {t('ledger.verify.submit')}
        </Button>
      </div>

      {outcome && (
        <Card>
          <VerifyResultView outcome={outcome} />
        </Card>
      )}
    </Space>
  );
}
