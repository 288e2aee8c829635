/**
 * Demo mounted data (挂接) and its quality reports (质量): the synthetic province of demo.data.ts —
 * the population base (人口库), the company registry, 24 months of electricity usage, tax credit
 * ratings, social insurance payments, bus stops and daily weather — mounted as CSV through the
 * same service the API uses, then profiled, so that each resource passes the quality gate when
 * published. `scale` shrinks every dataset proportionally (the browser tests seed at a fraction).
 */
import type { Liutong } from '../liutong.app.js';
import { makeUscc } from '../platform/uscc.validator.js';
import { busStops, companies, electricity, monthsEnding, personalSocialInsurance, residents, socialInsurance, taxRatings, toCsv, weather, type Company, type Resident } from './demo.data.js';

export const DEMO_RESIDENTS = 50_000;
export const DEMO_COMPANIES = 10_000;
export const DEMO_MONTHS = 24;
/** The last month of the demo's monthly series (the month before "now" in the demo story). */
export const DEMO_LAST_MONTH = '2026-10';
const CITIES = ['广州', '深圳', '珠海', '汕头', '佛山', '韶关', '湛江', '肇庆', '江门', '茂名', '惠州', '梅州', '汕尾', '河源', '阳江', '清远', '东莞', '中山', '潮州', '揭阳', '云浮'];

export type DemoDataset = 'population' | 'companies' | 'electricity' | 'tax' | 'social_insurance' | 'personal_insurance' | 'bus_stops' | 'weather';

/**
 * The demo's own enterprises as the market-regulation registry knows them, so that their data
 * (electricity, tax, social insurance) exists for the 电费贷 story: the Foshan factory borrows
 * against its electricity usage. Its USCC is the one demo.seed.ts gives the organisation.
 */
export const DEMO_FACTORY: Company = {
  uscc: makeUscc('91440604DEM0FACT0'), name: '佛山某制造有限公司（演示）', legal_rep: '陈志明', industry: 'C', district: '440604',
  registered_capital: '30000000.00', established: '2012-05-18', status: '存续',
};

/** Builds every dataset once per seeding (the company list is shared by four of them). */
export class DemoData {
  private companyList: Company[] | null = null;
  private residentList: Resident[] | null = null;
  constructor(readonly scale = 1) {}

  private n(full: number, min = 20): number {
    return Math.max(min, Math.round(full * this.scale));
  }

  companies(): Company[] {
    return (this.companyList ??= [DEMO_FACTORY, ...companies(this.n(DEMO_COMPANIES) - 1)]);
  }

  /** The population base's residents (the first of them is the demo citizen, see demo.authorization.ts). */
  residents(): Resident[] {
    return (this.residentList ??= residents(this.n(DEMO_RESIDENTS)));
  }

  rows(dataset: DemoDataset): object[] {
    switch (dataset) {
      case 'population':
        return this.residents().map(({ district: _d, ...r }) => r);
      case 'personal_insurance':
        // The first 2,000 residents' last 12 months (the personal case of the digital spaces).
        return personalSocialInsurance(this.residents().slice(0, 2_000), monthsEnding(DEMO_LAST_MONTH, 12));
      case 'companies':
        return this.companies();
      case 'electricity':
        return electricity(this.companies(), monthsEnding(DEMO_LAST_MONTH, DEMO_MONTHS));
      case 'tax':
        return taxRatings(this.companies(), ['2024', '2025']);
      case 'social_insurance':
        return socialInsurance(this.companies(), monthsEnding(DEMO_LAST_MONTH, 12));
      case 'bus_stops':
        return busStops(this.n(3000));
      case 'weather':
        return weather(CITIES, '2025-11-01', 365);
    }
  }

  csv(dataset: DemoDataset): Buffer {
    return Buffer.from(toCsv(this.rows(dataset)), 'utf8');
  }
}

/** Mounts `dataset` on `resourceId` and runs its quality check (the platform acting for the owner). */
export async function seedResourceData(lt: Liutong, resourceId: string, data: DemoData, dataset: DemoDataset): Promise<void> {
  await lt.catalog.mounts.upload(resourceId, data.csv(dataset), 'csv', null, 'demo');
  await lt.catalog.quality.run(resourceId, null, 'demo');
}
