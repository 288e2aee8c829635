import type zh from '../zh-CN/ledger';

const en: Record<keyof typeof zh, string> = {};
export default en;
