/**
 * Demo data exchange participants (会员, 数据经纪人, 经纪委托), through the same services as the API:
 * the data bureau certifies the two brokers; the analytics company (data merchant and seller), the
 * factory (seller), the bank (buyer), the compliance centre (service provider: compliance and
 * valuation), the arbitration centre (arbitration), the insurer (insurance and custody) and both
 * brokers become members after attaching their business licence; the grid company's application
 * waits for the exchange's review; the factory and the bank mandate the first broker (to sell, to buy).
 */
import type { Liutong } from '../liutong.app.js';
import { shanghaiDate } from '../platform/calendar/working-day.calendar.js';
import { principalOf } from './demo.registry.js';

/** A one-page PDF standing for a scanned business licence (营业执照). */
const LICENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function seedExchange(lt: Liutong, ids: Record<string, string>): Promise<void> {
  const need = ['bureau', 'exchange', 'analytics', 'factory', 'bank', 'compliance', 'broker1', 'broker2', 'grid'];
  if (need.some((k) => !ids[k])) return;
  const members = lt.exchange.members;
  const bureau = await principalOf(lt, ids.bureau!);
  const exchange = await principalOf(lt, ids.exchange!);
  const now = lt.kernel.clock.now();
  const day = (days: number) => shanghaiDate(new Date(now.getTime() + days * 86_400_000));
  const contact = (name: string) => ({ name, phone: '020-88886666', email: 'market@example.cn' });

  await members.certify({ orgId: ids.broker1!, industries: ['能源', '金融', '制造'], validFrom: day(-30), validUntil: day(3 * 365) }, bureau, 'demo');
  await members.certify({ orgId: ids.broker2!, industries: ['交通', '气象'], validFrom: day(-10), validUntil: day(2 * 365) }, bureau, 'demo');

  const join = async (key: string, kind: 'seller' | 'buyer' | 'data_merchant' | 'broker' | 'service_provider', statement: string, decide = true, services?: Array<'compliance' | 'valuation' | 'arbitration' | 'insurance' | 'custody'>) => {
    const org = await principalOf(lt, ids[key]!);
    const m = await members.apply(org, { kind, contact: contact('市场部'), statement, ...(services ? { services } : {}) }, 'demo');
    await members.addFile(m.id, org, { name: '营业执照.pdf', mediaType: 'application/pdf', content: LICENCE_PDF }, 'demo');
    if (decide) await members.act(m.id, 'approve', null, exchange, 'demo');
  };
  await join('analytics', 'data_merchant', '将授权运营形成的数据产品（信用评分接口、景气指数）上架交易。');
  await join('analytics', 'seller', '出售自有数据产品。');
  await join('factory', 'seller', '挂牌脱敏后的产线能耗指数。');
  await join('bank', 'buyer', '采购企业经营、用电等数据产品用于授信审批。');
  await join('compliance', 'service_provider', '为挂牌标的提供合规评估与资产评估服务。', true, ['compliance', 'valuation']);
  await join('broker1', 'broker', '受托代理能源、金融、制造行业数据产品的挂牌与采购。');
  await join('broker2', 'broker', '受托代理交通、气象行业数据产品的交易撮合。');
  await join('grid', 'seller', '挂牌企业用电数据产品（经授权）。', false);
  if (ids.arbitration) await join('arbitration', 'service_provider', '受理数据交易合同争议的仲裁。', true, ['arbitration']);
  if (ids.insurer) await join('insurer', 'service_provider', '提供数据交易履约保证保险与交付数据托管服务。', true, ['insurance', 'custody']);

  const factory = await principalOf(lt, ids.factory!);
  const bank = await principalOf(lt, ids.bank!);
  await members.mandate(factory, { brokerOrgId: ids.broker1!, side: 'sell', scope: '代理挂牌产线能耗指数，撮合买方并协助交付', commissionBp: 150, validUntil: day(365) }, 'demo');
  await members.mandate(bank, { brokerOrgId: ids.broker1!, side: 'buy', scope: '代理采购授信所需的企业经营类数据产品', commissionBp: 100, validUntil: day(180) }, 'demo');
}
