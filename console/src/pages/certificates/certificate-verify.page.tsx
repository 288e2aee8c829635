/**
 * 数据资产凭证核验 (public, no login): anyone handed a certificate — the vc+jwt text, or the
 * verification bundle its holder or data user downloaded — pastes or uploads it, and the platform
 * checks its format, issuer, signature, validity, status lists and ledger evidence, each check
 * explained (POST /api/v1/certificates/verify); what the certificate states is shown beneath.
 * A certificate handed over in the router state (from its page in the console) is filled in.
 * Built like the licence and receipt verifiers (/verify/licence, /verify).
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Result, Space, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import { parseCertificateInput, type InputProblem } from './certificate.rules';
import { CredentialDetails, msg, verifyCertificate, VerificationView, type Verification } from './certificate.view';

/** Files larger than this are not read (a bundle is a few tens of kilobytes). */
const MAX_FILE_BYTES = 1024 * 1024;

export default function CertificateVerifyPage() {
  const { t } = useI18n();
  const location = useLocation();
  const handed = (location.state as { credential?: unknown } | null)?.credential;
  const [input, setInput] = useState(typeof handed === 'string' ? handed : '');
  const [problem, setProblem] = useState<InputProblem | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);

  const edit = (v: string) => {
    setInput(v);
    setResult(null);
    setProblem(null);
    setError(null);
    setFileError(null);
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileError('certificates.verify.fileTooLarge');
      return false;
    }
    file.text().then(edit, () => setFileError('certificates.verify.fileUnreadable'));
    return false; // read in the browser, never uploaded as such
  };

  const verify = async () => {
    setResult(null);
    setError(null);
    const parsed = parseCertificateInput(input);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      setResult(await verifyCertificate(parsed.credential));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="cert-verify-title">
          {t('certificates.verify.title')}
        </Typography.Title>
      </div>
      <Alert type="info" showIcon title={t('certificates.verify.intro')} />

      <Card title={t('certificates.verify.input')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Input.TextArea
            className="lt-mono"
            data-testid="cert-verify-input"
            aria-label={t('certificates.verify.input')}
            placeholder={t('certificates.verify.placeholder')}
            autoSize={{ minRows: 6, maxRows: 14 }}
            value={input}
            onChange={(e) => edit(e.target.value)}
            spellCheck={false}
          />
          <Upload accept=".json,application/json,text/plain" showUploadList={false} maxCount={1} beforeUpload={beforeUpload}>
            <Button icon={<UploadOutlined />} data-testid="cert-verify-upload">
              {t('certificates.verify.upload')}
            </Button>
          </Upload>
        </Space>
      </Card>

      {fileError && <Alert type="error" showIcon title={t(fileError)} data-testid="cert-verify-file-error" />}

      <div>
        <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()} data-testid="cert-verify-submit">
          {t('certificates.verify.submit')}
        </Button>
      </div>

      {problem && (
        <Card>
          <div data-testid="cert-verdict" data-valid="false" data-reason={`input_${problem}`}>
            <Result status="warning" title={t('certificates.verify.inputTitle')} subTitle={msg(t, `certificates.verify.input.${problem}`)} />
          </div>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="cert-verify-error" />}
      {result && (
        <Card>
          <VerificationView result={result}>
            {result.credential && (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{t('certificates.verdict.credential')}</Typography.Title>
                <CredentialDetails credential={result.credential} linkAuthorization={false} />
              </div>
            )}
          </VerificationView>
        </Card>
      )}
    </Space>
  );
}
