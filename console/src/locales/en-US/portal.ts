import type zh from '../zh-CN/portal';

const en: Record<keyof typeof zh, string> = {
  'portal.hero.title': 'Data that moves safely, lawfully and verifiably',
  'portal.hero.text': 'Liutong is an open-source platform for a provincial data element market: catalogue public data, share and open it, authorize its operation, register data assets, issue certificates anyone can verify, list and trade on the exchange with clearing and settlement, compute on data without revealing it, and supervise every step with a tamper-evident evidence ledger.',
  'portal.hero.verify': 'Verify an evidence receipt',
  'portal.hero.console': 'Sign in to the console',
  'portal.gates.title': 'Three hard rules',
  'portal.gate.scenario': 'No scenario, no registration',
  'portal.gate.scenarioText': 'A data asset is registered only with the use it serves.',
  'portal.gate.registration': 'No registration, no trade',
  'portal.gate.registrationText': 'Only registered data products can be listed and traded.',
  'portal.gate.compliance': 'Not compliant, not listed',
  'portal.gate.complianceText': 'A product that fails compliance review is not listed.',
  'portal.flow.title': 'From the primary to the secondary market',
  'portal.flow.catalog': 'Catalogue',
  'portal.flow.share': 'Share / open / authorize',
  'portal.flow.register': 'Register',
  'portal.flow.certificate': 'Certificate',
  'portal.flow.list': 'List',
  'portal.flow.trade': 'Trade and settle',
  'portal.evidence.title': 'Every step recorded, traceable, tamper-evident, supervised',
  'portal.evidence.text': "Every state change goes into an RFC 9162 Merkle evidence ledger whose checkpoints the platform signs and the regulator's witnesses cosign. Anyone can verify an evidence receipt offline in the browser, without trusting the server.",
  'portal.stats.entries': 'Ledger entries',
  'portal.stats.witnesses': 'Witness cosignatures',
  'portal.placeholder.openData': 'The open-data catalogue arrives with the primary-market release: browse the public data resources that are open, by theme, body and open attributes, and apply for open-data APIs.',
};
export default en;
