/**
 * 电子证照核验 (public, no login): anyone handed a licence file — `{ document, seal }` as the holder
 * downloaded it from its digital space — pastes or uploads it, and the platform checks the issuing
 * authority's electronic seal, that it issued this very document, and its state today
 * (POST /api/v1/public/authorization/licences/verify). A file handed over in the router state (from
 * the space's licence dialog) is filled in. Built like the receipt verifier (/verify).
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Result, Space, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import { parseLicenceFile, type FileProblem } from './licence.rules';
import { LicenceVerdict, msg, verifyLicence, type LicenceVerification } from './licence.view';

/** Files larger than this are not read (a licence file is a few kilobytes). */
const MAX_FILE_BYTES = 1024 * 1024;

export default function LicenceVerifyPage() {
  const { t } = useI18n();
  const location = useLocation();
  const handed = (location.state as { licence?: unknown } | null)?.licence;
  const [fileText, setFileText] = useState(typeof handed === 'string' ? handed : '');
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<LicenceVerification | null>(null);

  const edit = (v: string) => {
    setFileText(v);
    setCheck(null);
    setProblem(null);
    setError(null);
    setFileError(null);
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileError('licences.verify.fileTooLarge');
      return false;
    }
    file.text().then(edit, () => setFileError('licences.verify.fileUnreadable'));
    return false; // read in the browser, never uploaded as such
  };

  const verify = async () => {
    setCheck(null);
    setError(null);
    const parsed = parseLicenceFile(fileText);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      setCheck(await verifyLicence(parsed.document, parsed.seal));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="licence-verify-title">
          {t('licences.verify.title')}
        </Typography.Title>
      </div>
      <Alert type="info" showIcon title={t('licences.verify.intro')} />

      <Card title={t('licences.verify.file')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Input.TextArea
            className="lt-mono"
            data-testid="licence-verify-input"
            aria-label={t('licences.verify.file')}
            placeholder={t('licences.verify.placeholder')}
            autoSize={{ minRows: 6, maxRows: 18 }}
            value={fileText}
            onChange={(e) => edit(e.target.value)}
            spellCheck={false}
          />
          <Upload accept=".json,application/json,text/plain" showUploadList={false} maxCount={1} beforeUpload={beforeUpload}>
            <Button icon={<UploadOutlined />} data-testid="licence-verify-upload">
              {t('licences.verify.upload')}
            </Button>
          </Upload>
        </Space>
      </Card>

      {fileError && <Alert type="error" showIcon title={t(fileError)} data-testid="licence-verify-file-error" />}

      <div>
        <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()} data-testid="licence-verify-submit">
          {t('licences.verify.submit')}
        </Button>
      </div>

      {problem && (
        <Card>
          <div data-testid="licence-verdict" data-valid="false" data-reason={`input_${problem}`}>
            <Result status="warning" title={t('licences.verify.inputTitle')} subTitle={msg(t, `licences.verify.input.${problem}`)} />
          </div>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="licence-verify-error" />}
      {check && (
        <Card>
          <LicenceVerdict check={check} />
        </Card>
      )}
    </Space>
  );
}
