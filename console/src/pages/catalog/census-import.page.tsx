import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/api.client';
import { ApiError, describeError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { CENSUS_SHEETS, lmsg, type CensusSheet } from './lists.view';
import { download, toBase64 } from '../../format/file.transfer';

const MAX_BYTES = 5 * 1024 * 1024;

interface ReportRow {
  sheet: CensusSheet;
  line: number;
  column: string;
  code: string;
  message: { zh: string; en: string };
}

/** Census import (普查导入): templates, upload (an Excel workbook or one CSV per sheet), all or nothing, with the row report. */
export default function CensusImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<CensusSheet>('organisations');
  const [csv, setCsv] = useState<Partial<Record<CensusSheet, { name: string; base64: string }>>>({});
  const [report, setReport] = useState<{ title: string; rows: ReportRow[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const template = async (format: 'xlsx' | 'csv', s?: CensusSheet) => {
    try {
      const { data } = await api.GET('/api/v1/catalog/census/template', { params: { query: { format, ...(s ? { sheet: s } : {}) } }, parseAs: 'blob' });
      download(data as Blob, format === 'xlsx' ? 'census-template.xlsx' : `census-${s}.csv`);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const send = async (body: { format: 'xlsx'; contentBase64: string } | { format: 'csv'; sheets: Partial<Record<CensusSheet, string>> }) => {
    setBusy(true);
    setReport(null);
    setDone(null);
    try {
      const { data } = await api.POST('/api/v1/catalog/census/import', { body });
      if (data) setDone(t('lists.census.imported', { organisations: data.organisations, systems: data.systems, elements: data.elements, resources: data.resources }));
      setCsv({});
    } catch (err) {
      const rows = err instanceof ApiError ? ((err.body?.details as { rows?: ReportRow[] } | undefined)?.rows ?? []) : [];
      setReport({ title: describeError(err, t).message, rows });
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File): Promise<string | null> => {
    if (file.size > MAX_BYTES) {
      message.error(t('lists.census.tooLarge'));
      return null;
    }
    return toBase64(await file.arrayBuffer());
  };

  const chosen = Object.entries(csv).map(([s, f]) => `${lmsg(t, `lists.census.sheet.${s}`)}: ${f!.name}`);

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('lists.census.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('lists.census.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('lists.census.fieldsHint')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void template('xlsx')} data-testid="census-template">
              {t('lists.census.templateXlsx')}
            </Button>
            {CENSUS_SHEETS.map((s) => (
              <Button key={s} size="small" onClick={() => void template('csv', s)}>
                {t('lists.census.templateCsv', { sheet: lmsg(t, `lists.census.sheet.${s}`) })}
              </Button>
            ))}
          </Space>
        </Card>
        <Card size="small">
          <Space wrap>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              maxCount={1}
              beforeUpload={async (file) => {
                const b64 = await read(file);
                if (b64) await send({ format: 'xlsx', contentBase64: b64 });
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="census-upload-xlsx">
                {t('lists.census.uploadXlsx')}
              </Button>
            </Upload>
          </Space>
        </Card>
        <Card size="small">
          <Space wrap>
            <Select<CensusSheet> style={{ minWidth: 200 }} value={sheet} onChange={setSheet} aria-label={t('lists.census.csvSheet')} options={CENSUS_SHEETS.map((s) => ({ value: s, label: lmsg(t, `lists.census.sheet.${s}`) }))} />
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              maxCount={1}
              beforeUpload={async (file) => {
                const b64 = await read(file);
                if (b64) setCsv((p) => ({ ...p, [sheet]: { name: file.name, base64: b64 } }));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('lists.census.uploadCsv')}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={!chosen.length}
              loading={busy}
              onClick={() => void send({ format: 'csv', sheets: Object.fromEntries(Object.entries(csv).map(([s, f]) => [s, f!.base64])) })}
              data-testid="census-import-csv"
            >
              {t('lists.census.importCsv')}
            </Button>
          </Space>
          {chosen.length > 0 && <Typography.Paragraph style={{ marginTop: 8 }}>{t('lists.census.csvChosen', { files: chosen.join('; ') })}</Typography.Paragraph>}
        </Card>
        {done && <Alert type="success" showIcon message={done} data-testid="census-done" />}
        {report && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setReport(null)}
            data-testid="census-report"
            message={`${t('lists.census.reportTitle')} — ${report.title}`}
            description={
              report.rows.length > 0 && (
                <Table<ReportRow>
                  size="small"
                  rowKey={(r) => `${r.sheet}-${r.line}-${r.column}-${r.code}`}
                  pagination={report.rows.length > 50 ? { pageSize: 50 } : false}
                  scroll={{ x: 'max-content' }}
                  dataSource={report.rows}
                  columns={[
                    { title: t('lists.census.col.sheet'), dataIndex: 'sheet', key: 'sheet', render: (v: string) => lmsg(t, `lists.census.sheet.${v}`) },
                    { title: t('lists.census.col.line'), dataIndex: 'line', key: 'line' },
                    { title: t('lists.census.col.column'), dataIndex: 'column', key: 'column', render: (v: string) => <span className="lt-mono">{v}</span> },
                    { title: t('lists.census.col.code'), dataIndex: 'code', key: 'code', render: (v: string) => <span className="lt-mono">{v}</span> },
                    { title: t('lists.census.col.message'), dataIndex: 'message', key: 'message', render: (m: ReportRow['message']) => (locale === 'zh-CN' ? m.zh : m.en) },
                  ]}
                />
              )
            }
          />
        )}
      </Space>
    </div>
  );
}
