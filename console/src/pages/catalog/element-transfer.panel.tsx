import { useState } from 'react';
import { Alert, App, Button, Dropdown, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/api.client';
import { ApiError, describeError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { download, toBase64 } from '../../format/file.transfer';

const MAX_BYTES = 5 * 1024 * 1024;

interface ReportRow {
  line: number;
  field: string;
  code: string;
  message: string;
}

/** Export (CSV, Excel, empty template) for everyone; all-or-nothing import with a row report for the bureau. */
export function ElementTransferPanel({ canImport, onImported }: { canImport: boolean; onImported(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ title: string; rows: ReportRow[] } | null>(null);

  const exportAs = async (format: 'csv' | 'xlsx', template = false) => {
    try {
      const { data } = await api.GET('/api/v1/catalog/elements/export', { params: { query: { format, ...(template ? { template: true } : {}) } }, parseAs: 'blob' });
      download(data as Blob, `${template ? 'data-elements-template' : 'data-elements'}.${format}`);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'csv', label: t('catalog.io.exportCsv') },
            { key: 'xlsx', label: t('catalog.io.exportXlsx') },
            { key: 'template', label: t('catalog.io.template') },
          ],
          onClick: (e) => void (e.key === 'template' ? exportAs('xlsx', true) : exportAs(e.key as 'csv' | 'xlsx')),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="element-export">
          {t('catalog.io.export')}
        </Button>
      </Dropdown>
      {canImport && (
        <Upload
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          maxCount={1}
          beforeUpload={async (file) => {
            setReport(null);
            if (file.size > MAX_BYTES) {
              message.error(t('catalog.io.tooLarge'));
              return false;
            }
            setBusy(true);
            try {
              const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
              const contentBase64 = toBase64(await file.arrayBuffer());
              const { data } = await api.POST('/api/v1/catalog/elements/import', { body: { format, contentBase64 } });
              message.success(t('catalog.io.imported', { count: data?.created ?? 0 }));
              onImported();
            } catch (err) {
              const rows = err instanceof ApiError ? ((err.body?.details as { rows?: ReportRow[] } | undefined)?.rows ?? []) : [];
              setReport({ title: describeError(err, t).message, rows });
            } finally {
              setBusy(false);
            }
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="element-import">
            {t('catalog.io.import')}
          </Button>
        </Upload>
      )}
      {report && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setReport(null)}
          style={{ width: '100%' }}
          data-testid="element-import-report"
          message={`${t('catalog.io.reportTitle')} — ${report.title}`}
          description={
            report.rows.length > 0 && (
              <Table<ReportRow>
                size="small"
                rowKey={(r) => `${r.line}-${r.code}-${r.field}`}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={report.rows}
                columns={[
                  { title: t('catalog.io.line'), dataIndex: 'line', key: 'line' },
                  { title: t('catalog.io.code'), dataIndex: 'code', key: 'code', render: (v: string) => <span className="lt-mono">{v}</span> },
                  { title: t('catalog.io.message'), dataIndex: 'message', key: 'message' },
                ]}
              />
            )
          }
        />
      )}
    </>
  );
}
