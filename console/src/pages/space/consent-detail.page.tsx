import { useState } from 'react';
import { Alert, Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { consentActions } from '../../access';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { ConsentActions } from './consent.actions';
import { ConsentRecordPanel } from './consent-record.panel';
import { ConsentRetrievePanel } from './consent-retrieve.panel';
import { ConsentCertificatePanel } from '../certificates/certificate-issue.panel';
import { ConsentUsagePanel } from './consent-usage.panel';
import { ConsentStatusTag, holderId, itemNames, msg, periodText, purposeLabel, text, type Consent } from './space.view';

type Item = Consent['items'][number];

/**
 * One data-subject authorization (数据授权详情), for its holder, its requester and the overseers:
 * status, parties, items and fields, purpose, period, validity and uses; the consent record with its
 * digest and the holder's seal; the steps each side may take now; the deletion attestation once it
 * has ended; the access history; and, for the requester, the data retrieved through the gateway.
 */
export default function ConsentDetailPage() {
  const { consentId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const orgNameOf = useOrgNames(locale);
  const [round, setRound] = useState(0);
  const res = useApiResource(`consent-${consentId}`, () => unwrap(api.GET('/api/v1/authorization/consents/{consentId}', { params: { path: { consentId } } })));
  const [current, setCurrent] = useState<Consent | null>(null);

  const loaded = res.data && res.data.id === consentId ? res.data : undefined;
  // The answer of the last step, until a reload brings a newer one.
  const c = current && current.id === consentId && (!loaded || current.updatedAt >= loaded.updatedAt) ? current : loaded;
  if (res.loading && !c) return <Skeleton active />;
  if (!c) return <Alert type="error" showIcon message={res.error} data-testid="consent-load-error" />;
  const side = me?.orgId === c.holderOrgId ? 'holder' : me?.orgId === c.requesterOrgId ? 'requester' : 'overseer';
  const can = consentActions(me ?? null, c);

  const itemColumns: TableProps<Item>['columns'] = [
    { title: t('space.col.item'), key: 'name', render: (_: unknown, i: Item) => <span>{text(i.name, locale)} <span className="lt-mono">({i.code})</span></span> },
    { title: t('space.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => orgNameOf(id) },
    { title: t('space.col.fields'), dataIndex: 'fields', key: 'fields', render: (f: string[]) => <span className="lt-mono">{f.join(', ')}</span> },
  ];

  const timeline = (
    [
      ['createdAt', c.createdAt],
      ['decidedAt', c.decidedAt],
      ['endedAt', c.endedAt],
      ['deletionAttestedAt', c.deletion?.attestedAt ?? null],
    ] as const
  )
    .filter(([, at]) => !!at)
    .map(([key, at]) => ({
      key,
      color: key === 'endedAt' ? 'gray' : 'blue',
      title: formatTime(at, locale),
      content: <span data-testid={`consent-timeline-${key}`}>{key === 'decidedAt' ? msg(t, `space.timeline.decided.${c.status === 'approved' || c.endedAt ? 'approved' : c.status}`) : msg(t, `space.timeline.${key}`)}</span>,
    }));

  return (
    <div>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="consent-title" style={{ margin: 0 }}>
            {t('space.detail.title', { items: itemNames(c, locale) })}
          </Typography.Title>
          <ConsentStatusTag t={t} status={c.status} />
          <Tag data-testid="consent-side">{msg(t, `space.side.${side}`)}</Tag>
        </Space>
        <ConsentActions
          consent={c}
          onDone={(next) => {
            setCurrent(next);
            setRound((r) => r + 1);
            res.reload();
          }}
        />
      </div>
      {res.error && <Alert type="error" showIcon message={res.error} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('space.detail.terms')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="consent-terms">
            <Descriptions.Item label={t('space.field.holder')}>
              <span data-testid="consent-holder">{orgNameOf(c.holderOrgId)}</span>
              <br />
              <span className="lt-mono" data-testid="consent-holder-uscc">
                {holderId(c)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.requester')}>
              <span data-testid="consent-requester">{orgNameOf(c.requesterOrgId)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.purpose')} span={2}>
              <span data-testid="consent-purpose">{purposeLabel(t, c.purpose)}</span>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.purposeText}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.period')}>
              <span data-testid="consent-period">{periodText(c)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.validUntil')}>
              <span data-testid="consent-valid-until">{formatTime(c.validUntil, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.maxUses')}>
              <span data-testid="consent-max-uses">{t('space.detail.uses', { uses: c.maxUses })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('space.field.grants')}>{c.grantIds.length ? <span className="lt-mono">{c.grantIds.join(', ')}</span> : '—'}</Descriptions.Item>
            {c.reason && (
              <Descriptions.Item label={t('space.field.reason')} span={2}>
                <span data-testid="consent-reason">{c.reason}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('space.field.id')} span={2}>
              <Typography.Text className="lt-mono" copyable>
                {c.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('space.field.items')}>
          <Table<Item> rowKey="itemId" size="small" data-testid="consent-items" columns={itemColumns} dataSource={c.items} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        {c.deletion && (
          <Card title={t('space.deletion.title')} data-testid="consent-deletion">
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('space.deletion.dueAt')}>
                <Space wrap>
                  <span>{formatTime(c.deletion.dueAt, locale)}</span>
                  {c.deletion.overdue && (
                    <Tag color="red" data-testid="consent-deletion-overdue">
                      {t('space.deletion.overdue')}
                    </Tag>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('space.deletion.attestedAt')}>
                {c.deletion.attestedAt ? formatTime(c.deletion.attestedAt, locale) : <Tag color="gold">{t('space.deletion.notYet')}</Tag>}
              </Descriptions.Item>
              {c.deletion.statement && (
                <Descriptions.Item label={t('space.field.statement')} span={2}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="consent-deletion-statement">
                    {c.deletion.statement}
                  </Typography.Paragraph>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t(side === 'requester' ? 'space.deletion.requesterNote' : 'space.deletion.holderNote')}
            </Typography.Paragraph>
          </Card>
        )}
        <ConsentCertificatePanel consent={c} />
        {can.retrieve && <ConsentRetrievePanel consent={c} onCalled={() => setRound((r) => r + 1)} />}
        <ConsentUsagePanel consent={c} orgNameOf={orgNameOf} round={round} />
        <ConsentRecordPanel consent={c} orgNameOf={orgNameOf} />
        <Card title={t('space.detail.timeline')}>
          <Timeline items={timeline} data-testid="consent-timeline" />
          <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
        </Card>
        {side !== 'overseer' && (
          <Link to={side === 'requester' ? '/console/space/requests' : '/console/space/authorizations'} data-testid="consent-back">
            {t('space.detail.back')}
          </Link>
        )}
      </Space>
    </div>
  );
}
