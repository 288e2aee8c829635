import type { Migration } from '../../platform/database/migrator.js';

/** The cdo module's tables (DESIGN.md §3: prefixed with the module name; organisations and users by id only). */
export const cdoMigrations: Migration[] = [
  {
    // Chief data officers (首席数据官, 粤办函〔2021〕63号): one current appointment per organisation,
    // the history kept (ended = replaced or dismissed).
    name: '20261130T1700_cdo_appointments',
    statements: [
      `create table cdo_appointment (
        id text primary key,
        org_id text not null,
        user_id text not null,
        name text not null,
        title text not null,
        appointed_at date not null,
        term_end date,
        status text not null,
        ended_at timestamptz,
        end_reason text,
        replaced_by text,
        created_at timestamptz not null,
        constraint cdo_appointment_status_check check (status in ('current', 'ended')),
        constraint cdo_appointment_ended_check check ((status = 'ended') = (ended_at is not null)),
        constraint cdo_appointment_term_check check (term_end is null or term_end >= appointed_at)
      )`,
      `create unique index cdo_appointment_current_key on cdo_appointment (org_id) where status = 'current'`,
      `create index cdo_appointment_org on cdo_appointment (org_id, created_at)`,
    ],
  },
  {
    // Management evaluation snapshots (公共数据管理评价, 行动方案 task 2): every body's indicators
    // and score for a period, with the weights used.
    name: '20261130T1710_cdo_evaluations',
    statements: [
      `create table cdo_evaluation (
        id text primary key,
        period text not null,
        note text,
        weights jsonb not null,
        unavailable jsonb not null,
        bodies integer not null,
        taken_at timestamptz not null,
        taken_by_org_id text not null
      )`,
      `create unique index cdo_evaluation_period_key on cdo_evaluation (period)`,
      `create index cdo_evaluation_taken on cdo_evaluation (taken_at, id)`,
      `create table cdo_evaluation_result (
        evaluation_id text not null references cdo_evaluation (id),
        org_id text not null,
        org_name_zh text not null,
        org_name_en text not null,
        score double precision,
        rank integer,
        indicators jsonb not null,
        primary key (evaluation_id, org_id)
      )`,
      `create index cdo_evaluation_result_org on cdo_evaluation_result (org_id)`,
    ],
  },
  {
    // DCMM (GB/T 36073-2018): the capability item list (seeded with the standard's 28 items; the
    // data bureau edits it) and self-assessments with one rating per item, history kept.
    name: '20261130T1720_cdo_dcmm',
    statements: [
      `create table cdo_dcmm_item (
        id text primary key,
        area text not null,
        code text not null,
        name_zh text not null,
        name_en text not null,
        sort_order integer not null,
        active boolean not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint cdo_dcmm_item_area_check check (area in ('strategy', 'governance', 'architecture', 'application', 'security', 'quality', 'standards', 'lifecycle'))
      )`,
      `create unique index cdo_dcmm_item_code_key on cdo_dcmm_item (code)`,
      `insert into cdo_dcmm_item (id, area, code, name_zh, name_en, sort_order, active, created_at, updated_at) values
        ('dcm_item0000000000000001', 'strategy', 'strategy.planning', '数据战略规划', 'Data strategy planning', 10, true, now(), now()),
        ('dcm_item0000000000000002', 'strategy', 'strategy.implementation', '数据战略实施', 'Data strategy implementation', 20, true, now(), now()),
        ('dcm_item0000000000000003', 'strategy', 'strategy.evaluation', '数据战略评估', 'Data strategy evaluation', 30, true, now(), now()),
        ('dcm_item0000000000000004', 'governance', 'governance.organisation', '数据治理组织', 'Data governance organisation', 40, true, now(), now()),
        ('dcm_item0000000000000005', 'governance', 'governance.policy', '数据制度建设', 'Data policies', 50, true, now(), now()),
        ('dcm_item0000000000000006', 'governance', 'governance.communication', '数据治理沟通', 'Data governance communication', 60, true, now(), now()),
        ('dcm_item0000000000000007', 'architecture', 'architecture.model', '数据模型', 'Data model', 70, true, now(), now()),
        ('dcm_item0000000000000008', 'architecture', 'architecture.distribution', '数据分布', 'Data distribution', 80, true, now(), now()),
        ('dcm_item0000000000000009', 'architecture', 'architecture.integration', '数据集成与共享', 'Data integration and sharing', 90, true, now(), now()),
        ('dcm_item0000000000000010', 'architecture', 'architecture.metadata', '元数据管理', 'Metadata management', 100, true, now(), now()),
        ('dcm_item0000000000000011', 'application', 'application.analysis', '数据分析', 'Data analysis', 110, true, now(), now()),
        ('dcm_item0000000000000012', 'application', 'application.opening', '数据开放共享', 'Data opening and sharing', 120, true, now(), now()),
        ('dcm_item0000000000000013', 'application', 'application.service', '数据服务', 'Data services', 130, true, now(), now()),
        ('dcm_item0000000000000014', 'security', 'security.strategy', '数据安全策略', 'Data security strategy', 140, true, now(), now()),
        ('dcm_item0000000000000015', 'security', 'security.management', '数据安全管理', 'Data security management', 150, true, now(), now()),
        ('dcm_item0000000000000016', 'security', 'security.audit', '数据安全审计', 'Data security audit', 160, true, now(), now()),
        ('dcm_item0000000000000017', 'quality', 'quality.requirements', '数据质量需求', 'Data quality requirements', 170, true, now(), now()),
        ('dcm_item0000000000000018', 'quality', 'quality.inspection', '数据质量检查', 'Data quality inspection', 180, true, now(), now()),
        ('dcm_item0000000000000019', 'quality', 'quality.analysis', '数据质量分析', 'Data quality analysis', 190, true, now(), now()),
        ('dcm_item0000000000000020', 'quality', 'quality.improvement', '数据质量提升', 'Data quality improvement', 200, true, now(), now()),
        ('dcm_item0000000000000021', 'standards', 'standards.terms', '业务术语', 'Business terms', 210, true, now(), now()),
        ('dcm_item0000000000000022', 'standards', 'standards.master', '参考数据和主数据', 'Reference and master data', 220, true, now(), now()),
        ('dcm_item0000000000000023', 'standards', 'standards.elements', '数据元', 'Data elements', 230, true, now(), now()),
        ('dcm_item0000000000000024', 'standards', 'standards.indicators', '指标数据', 'Indicator data', 240, true, now(), now()),
        ('dcm_item0000000000000025', 'lifecycle', 'lifecycle.requirements', '数据需求', 'Data requirements', 250, true, now(), now()),
        ('dcm_item0000000000000026', 'lifecycle', 'lifecycle.design', '数据设计和开发', 'Data design and development', 260, true, now(), now()),
        ('dcm_item0000000000000027', 'lifecycle', 'lifecycle.operation', '数据运维', 'Data operation and maintenance', 270, true, now(), now()),
        ('dcm_item0000000000000028', 'lifecycle', 'lifecycle.retirement', '数据退役', 'Data retirement', 280, true, now(), now())`,
      `create table cdo_dcmm_assessment (
        id text primary key,
        org_id text not null,
        overall_level integer not null,
        overall_score double precision not null,
        areas jsonb not null,
        note text,
        assessed_at timestamptz not null,
        assessed_by text not null
      )`,
      `create index cdo_dcmm_assessment_org on cdo_dcmm_assessment (org_id, assessed_at)`,
      `create table cdo_dcmm_rating (
        assessment_id text not null references cdo_dcmm_assessment (id),
        item_id text not null,
        area text not null,
        code text not null,
        name_zh text not null,
        name_en text not null,
        level integer not null,
        evidence text not null,
        primary key (assessment_id, item_id),
        constraint cdo_dcmm_rating_level_check check (level between 1 and 5)
      )`,
    ],
  },
];
