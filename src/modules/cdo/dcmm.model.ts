/**
 * The data management capability maturity model (DCMM), GB/T 36073-2018 数据管理能力成熟度评估模型
 * (rules-cn.md §5): 8 capability areas, 28 capability items, 5 maturity levels. The seeded item
 * list below is the standard's; the data bureau may edit it (table `cdo_dcmm_item`).
 */
export const DCMM_AREAS = ['strategy', 'governance', 'architecture', 'application', 'security', 'quality', 'standards', 'lifecycle'] as const;
export type DcmmArea = (typeof DCMM_AREAS)[number];

export const DCMM_AREA_NAMES: Record<DcmmArea, { zh: string; en: string }> = {
  strategy: { zh: '数据战略', en: 'Data strategy' },
  governance: { zh: '数据治理', en: 'Data governance' },
  architecture: { zh: '数据架构', en: 'Data architecture' },
  application: { zh: '数据应用', en: 'Data application' },
  security: { zh: '数据安全', en: 'Data security' },
  quality: { zh: '数据质量', en: 'Data quality' },
  standards: { zh: '数据标准', en: 'Data standards' },
  lifecycle: { zh: '数据生存周期', en: 'Data lifecycle' },
};

/** Levels 1–5: 初始级, 受管理级, 稳健级, 量化管理级, 优化级. */
export const DCMM_LEVELS = [
  { level: 1, zh: '初始级', en: 'Initial' },
  { level: 2, zh: '受管理级', en: 'Managed' },
  { level: 3, zh: '稳健级', en: 'Robust' },
  { level: 4, zh: '量化管理级', en: 'Quantitatively managed' },
  { level: 5, zh: '优化级', en: 'Optimising' },
] as const;

/** The 28 capability items of GB/T 36073-2018 (seeded; code, area, names). */
export const DCMM_SEED_ITEMS: Array<{ code: string; area: DcmmArea; zh: string; en: string }> = [
  { code: 'strategy.planning', area: 'strategy', zh: '数据战略规划', en: 'Data strategy planning' },
  { code: 'strategy.implementation', area: 'strategy', zh: '数据战略实施', en: 'Data strategy implementation' },
  { code: 'strategy.evaluation', area: 'strategy', zh: '数据战略评估', en: 'Data strategy evaluation' },
  { code: 'governance.organisation', area: 'governance', zh: '数据治理组织', en: 'Data governance organisation' },
  { code: 'governance.policy', area: 'governance', zh: '数据制度建设', en: 'Data policies' },
  { code: 'governance.communication', area: 'governance', zh: '数据治理沟通', en: 'Data governance communication' },
  { code: 'architecture.model', area: 'architecture', zh: '数据模型', en: 'Data model' },
  { code: 'architecture.distribution', area: 'architecture', zh: '数据分布', en: 'Data distribution' },
  { code: 'architecture.integration', area: 'architecture', zh: '数据集成与共享', en: 'Data integration and sharing' },
  { code: 'architecture.metadata', area: 'architecture', zh: '元数据管理', en: 'Metadata management' },
  { code: 'application.analysis', area: 'application', zh: '数据分析', en: 'Data analysis' },
  { code: 'application.opening', area: 'application', zh: '数据开放共享', en: 'Data opening and sharing' },
  { code: 'application.service', area: 'application', zh: '数据服务', en: 'Data services' },
  { code: 'security.strategy', area: 'security', zh: '数据安全策略', en: 'Data security strategy' },
  { code: 'security.management', area: 'security', zh: '数据安全管理', en: 'Data security management' },
  { code: 'security.audit', area: 'security', zh: '数据安全审计', en: 'Data security audit' },
  { code: 'quality.requirements', area: 'quality', zh: '数据质量需求', en: 'Data quality requirements' },
  { code: 'quality.inspection', area: 'quality', zh: '数据质量检查', en: 'Data quality inspection' },
  { code: 'quality.analysis', area: 'quality', zh: '数据质量分析', en: 'Data quality analysis' },
  { code: 'quality.improvement', area: 'quality', zh: '数据质量提升', en: 'Data quality improvement' },
  { code: 'standards.terms', area: 'standards', zh: '业务术语', en: 'Business terms' },
  { code: 'standards.master', area: 'standards', zh: '参考数据和主数据', en: 'Reference and master data' },
  { code: 'standards.elements', area: 'standards', zh: '数据元', en: 'Data elements' },
  { code: 'standards.indicators', area: 'standards', zh: '指标数据', en: 'Indicator data' },
  { code: 'lifecycle.requirements', area: 'lifecycle', zh: '数据需求', en: 'Data requirements' },
  { code: 'lifecycle.design', area: 'lifecycle', zh: '数据设计和开发', en: 'Data design and development' },
  { code: 'lifecycle.operation', area: 'lifecycle', zh: '数据运维', en: 'Data operation and maintenance' },
  { code: 'lifecycle.retirement', area: 'lifecycle', zh: '数据退役', en: 'Data retirement' },
];

export interface AreaResult {
  area: DcmmArea;
  score: number;
  level: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The roll-up rule (documented in README): an area's score is the mean of its items' levels and
 * its level that score rounded down; the overall score is the mean of the area scores of the
 * areas that have items, and the overall level that score rounded down, but never more than one
 * level above the weakest area (a body cannot be 稳健级 overall while an area is still 初始级).
 */
export function rollUp(ratings: Array<{ area: DcmmArea; level: number }>): { areas: AreaResult[]; overallScore: number; overallLevel: number } {
  const areas: AreaResult[] = [];
  for (const area of DCMM_AREAS) {
    const levels = ratings.filter((r) => r.area === area).map((r) => r.level);
    if (levels.length === 0) continue;
    const score = round2(levels.reduce((a, b) => a + b, 0) / levels.length);
    areas.push({ area, score, level: Math.floor(score) });
  }
  if (areas.length === 0) return { areas, overallScore: 0, overallLevel: 0 };
  const overallScore = round2(areas.reduce((a, b) => a + b.score, 0) / areas.length);
  const weakest = Math.min(...areas.map((a) => a.level));
  return { areas, overallScore, overallLevel: Math.min(Math.floor(overallScore), weakest + 1) };
}
