import type { App } from '../../platform/http/server.js';
import type { CatalogService } from './index.js';

/** CSV/XLSX import and export of the data element standard. */
export async function elementTransferRoutes(_app: App, _svc: CatalogService): Promise<void> {}
