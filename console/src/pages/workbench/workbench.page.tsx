import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Card, Col, Descriptions, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { label, orgName } from '../../format/labels';
import type { Permission } from '../../access';
import type { MessageKey } from '../../locales/index';

const BarChartView = lazy(() => import('../../charts/bar.chart'));

const ROLE_TEXT: Record<string, MessageKey> = {
  platform_admin: 'workbench.do.platform_admin',
  data_bureau: 'workbench.do.data_bureau',
  cdo: 'workbench.do.cdo',
  source_unit: 'workbench.do.source_unit',
  implementing_body: 'workbench.do.implementing_body',
  operator: 'workbench.do.operator',
  exchange: 'workbench.do.exchange',
  data_merchant: 'workbench.do.data_merchant',
  broker: 'workbench.do.broker',
  service_provider: 'workbench.do.service_provider',
  compliance_reviewer: 'workbench.do.compliance_reviewer',
  enterprise: 'workbench.do.enterprise',
  individual: 'workbench.do.individual',
  regulator: 'workbench.do.regulator',
  customs_officer: 'workbench.do.customs_officer',
};

export default function WorkbenchPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const [activity, setActivity] = useState<{ labels: string[]; values: number[] } | null | undefined>(undefined);
  const [size, setSize] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/v1/ledger/entries', { params: { query: { page: 1, pageSize: 200, order: 'desc' } } }))
      .then((page) => {
        const counts = new Map<string, number>();
        for (const e of page.items) {
          const type = (e.entry as { type?: string } | null)?.type ?? '?';
          counts.set(type, (counts.get(type) ?? 0) + 1);
        }
        const sorted = [...counts.entries()].sort((a, b) => a[1] - b[1]).slice(-10);
        if (live) setActivity(sorted.length ? { labels: sorted.map(([k]) => k), values: sorted.map(([, v]) => v) } : null);
      })
      .catch(() => live && setActivity(null));
    unwrap(api.GET('/api/v1/ledger/checkpoint'))
      .then((cp) => live && setSize(cp.size))
      .catch(() => live && setSize(null));
    return () => {
      live = false;
    };
  }, []);

  const roles = useMemo(() => [...(me?.orgRoles ?? []), ...(me?.personRoles ?? [])], [me]);
  const actions: Array<{ key: MessageKey; to: string; access: Permission }> = [
    { key: 'workbench.action.createOrg', to: '/console/orgs/new', access: 'orgs.create' },
    { key: 'workbench.action.myOrg', to: `/console/orgs/${me?.orgId ?? ''}`, access: 'signedIn' },
    { key: 'workbench.action.orgs', to: '/console/orgs', access: 'orgs.list' },
    { key: 'workbench.action.ledger', to: '/console/ledger', access: 'ledger.explore' },
    { key: 'workbench.action.verify', to: '/console/ledger/verify', access: 'ledger.explore' },
    { key: 'workbench.action.account', to: '/console/account', access: 'signedIn' },
  ];
  if (!me) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="workbench-title">
          {t('workbench.greeting', { name: me.user?.displayName ?? orgName(me.organisation?.name, locale) })}
        </Typography.Title>
      </div>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('workbench.org')}>{orgName(me.organisation?.name, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('workbench.memberRole')}>{label(t, 'member', me.memberRole)}</Descriptions.Item>
          <Descriptions.Item label={t('workbench.roles')}>
            <Space size={[4, 4]} wrap>
              {roles.map((r) => (
                <Tag key={r} color="red">
                  {label(t, 'role', r)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('workbench.did')}>
            <Typography.Text className="lt-mono" copyable>
              {me.organisation?.did ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.canDo')} style={{ height: '100%' }}>
            <List
              dataSource={roles}
              data-testid="workbench-roles"
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta title={label(t, 'role', r)} description={ROLE_TEXT[r] ? t(ROLE_TEXT[r]) : r} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.shortcuts')} style={{ height: '100%' }}>
            <List
              dataSource={actions.filter((a) => access[a.access])}
              renderItem={(a) => (
                <List.Item>
                  <Link to={a.to}>{t(a.key)}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('workbench.activity')} extra={<Statistic title={t('workbench.ledgerSize')} value={size ?? '—'} valueStyle={{ fontSize: 16 }} />}>
        {activity === undefined ? (
          <Spin />
        ) : activity === null ? (
          <Empty description={t('workbench.activityEmpty')} />
        ) : (
          <Suspense fallback={<Spin />}>
            <BarChartView labels={activity.labels} values={activity.values} />
          </Suspense>
        )}
      </Card>
    </Space>
  );
}
