import { defineErrors } from '../../platform/errors.js';

/** Errors of data quality (质量, GB/T 36344-2018): user rules and the publishing gate. */
export const QualityErrors = defineErrors({
  CATALOG_QUALITY_RULE_INVALID: {
    status: 400,
    'zh-CN': '第 {index} 条质量规则无效（{reason}）。',
    'en-US': 'Quality rule {index} is invalid ({reason}).',
  },
  CATALOG_QUALITY_GATE: {
    status: 409,
    'zh-CN': '已挂接数据的资源须有该版本最新且达标的质量报告才能发布（{reason}；得分 {score}，门槛 {threshold}）。',
    'en-US': 'A resource with mounted data is published only with a current quality report for the version scoring at least the threshold ({reason}; score {score}, threshold {threshold}).',
  },
  CATALOG_QUALITY_REPORT_NOT_FOUND: { status: 404, 'zh-CN': '该数据资源版本尚无质量报告。', 'en-US': 'No quality report exists for this resource version.' },
});
