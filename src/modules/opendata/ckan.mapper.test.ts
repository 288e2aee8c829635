import { describe, expect, it } from 'vitest';
import { ckanTime } from './ckan.mapper.js';
import { parseFq } from './ckan.service.js';

describe('CKAN conventions', () => {
  it('writes timestamps as CKAN does: naive UTC with microseconds', () => {
    expect(ckanTime('2026-11-30T10:00:00.123Z')).toBe('2026-11-30T10:00:00.123000');
    expect(ckanTime('2026-11-30T10:00:00.000Z')).toBe('2026-11-30T10:00:00.000000');
  });

  it('reads the filter query terms CKAN clients send and ignores other Solr syntax', () => {
    expect(parseFq('organization:org_abc +tags:"交通 出行" res_format:CSV')).toEqual([
      { field: 'organization', value: 'org_abc' },
      { field: 'tags', value: '交通 出行' },
      { field: 'res_format', value: 'CSV' },
    ]);
    expect(parseFq('metadata_modified:[2024-01-01T00:00:00Z TO *]')).toEqual([{ field: 'metadata_modified', value: '', range: ['2024-01-01T00:00:00Z', '*'] }]);
    expect(parseFq('(a OR b) -c')).toEqual([]);
  });
});
