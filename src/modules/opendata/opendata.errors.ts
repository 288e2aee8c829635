import { defineErrors } from '../../platform/errors.js';

export const OpendataErrors = defineErrors({
  OPENDATA_DATASET_NOT_FOUND: { status: 404, 'zh-CN': '开放数据集不存在（或未开放）。', 'en-US': 'Open dataset not found (or not open).' },
  OPENDATA_DEVELOPER_EXISTS: { status: 409, 'zh-CN': '本机构已注册为开发者。', 'en-US': 'This organisation is already registered as a developer.' },
  OPENDATA_DEVELOPER_REQUIRED: { status: 403, 'zh-CN': '请先将本机构注册为开放数据开发者。', 'en-US': 'Register your organisation as an open-data developer first.' },
  OPENDATA_OPEN_TYPE_MISMATCH: { status: 409, 'zh-CN': '该数据集为“{openType}”，{need}。', 'en-US': 'The dataset is open "{openType}": {need}.' },
  OPENDATA_OWN_DATASET: { status: 400, 'zh-CN': '不能为本机构自己的数据集申请密钥或使用权。', 'en-US': "An organisation cannot ask for a key to or the use of its own dataset." },
  OPENDATA_KEY_EXISTS: { status: 409, 'zh-CN': '本机构已持有该数据集的有效密钥。', 'en-US': 'Your organisation already holds an active key for this dataset.' },
  OPENDATA_KEY_NOT_FOUND: { status: 404, 'zh-CN': '开发者密钥不存在。', 'en-US': 'Developer key not found.' },
  OPENDATA_KEY_STATE_CONFLICT: { status: 409, 'zh-CN': '密钥当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on a key in state "{status}".' },
  OPENDATA_AGREEMENT_REQUIRED: { status: 400, 'zh-CN': '须接受数据使用协议。', 'en-US': 'The data-use agreement must be accepted.' },
  OPENDATA_FIELDS_INVALID: { status: 400, 'zh-CN': '申请的字段无效：{fields}。', 'en-US': 'Invalid requested fields: {fields}.' },
  OPENDATA_APPLICATION_NOT_FOUND: { status: 404, 'zh-CN': '开放数据使用申请不存在。', 'en-US': 'Open-data application not found.' },
  OPENDATA_APPLICATION_STATE_CONFLICT: { status: 409, 'zh-CN': '申请当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on an application in state "{status}".' },
  OPENDATA_APP_NOT_FOUND: { status: 404, 'zh-CN': '应用不存在。', 'en-US': 'App not found.' },
  OPENDATA_APP_STATE_CONFLICT: { status: 409, 'zh-CN': '应用当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on an app in state "{status}".' },
  OPENDATA_APP_DATASETS_INVALID: { status: 400, 'zh-CN': '应用所用数据集须为开放数据集：{datasets}。', 'en-US': 'The datasets an app uses must be open datasets: {datasets}.' },
});
