import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { newId } from '../../platform/ids.js';
import { ElementConflict, insertElement, type ElementRow } from './element.repository.js';

describeEachEngine('data element standard over HTTP', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let otherBureau: TestOrg;
  let source: TestOrg;
  let enterprise: TestOrg;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const body = (over: Record<string, unknown> = {}) => {
    const k = tag();
    return { identifier: `DE.T${k}`, name: { zh: `测试数据元${k}`, en: `Test element ${k}` }, dataType: 'string', sourceOrgId: source.id, ...over };
  };
  const create = (over: Record<string, unknown> = {}, token = bureau.staffToken) => h().call('POST', '/api/v1/catalog/elements', { token, body: body(over) });
  const count = async () => (await h().call('GET', '/api/v1/catalog/elements?pageSize=1', { token: h().adminToken })).body.total as number;
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau');
    otherBureau = await h().org(['data_bureau'], 'Bureau2');
    source = await h().org(['source_unit'], 'Source');
    enterprise = await h().org(['enterprise'], 'Ent');
  });

  describe('validators', () => {
    it('lists the named validators to any signed-in user', async () => {
      const r = await h().call('GET', '/api/v1/catalog/validators', { token: enterprise.auditorToken });
      expect(r.status).toBe(200);
      expect(r.body.items.map((v: any) => v.name)).toEqual(['uscc', 'resident_id', 'mobile', 'bank_card', 'date', 'amount']);
      expect(r.body.items[1].label).toEqual({ zh: '居民身份证号码（GB 11643-1999，18 位）', en: 'Resident identity card number (GB 11643-1999, 18 characters)' });
      expect((await h().call('GET', '/api/v1/catalog/validators')).status).toBe(401);
    });
  });

  describe('defining elements', () => {
    it('creates an element in the documented shape, with its evidence event', async () => {
      const r = await create({
        identifier: 'DE.PERSON.ID',
        name: { zh: '公民身份号码', en: 'Citizen ID number' },
        definition: { zh: '  18 位居民身份证号码 ', en: '18-character resident ID number' },
        format: { kind: 'validator', name: 'resident_id' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toEqual({
        id: expect.stringMatching(/^del_[0-9a-z]{20}$/),
        identifier: 'DE.PERSON.ID',
        name: { zh: '公民身份号码', en: 'Citizen ID number' },
        definition: { zh: '18 位居民身份证号码', en: '18-character resident ID number' },
        dataType: 'string',
        format: { kind: 'validator', name: 'resident_id' },
        codeList: null,
        unit: null,
        version: 1,
        sourceOrgId: source.id,
        ownerOrgId: bureau.id,
        status: 'active',
        createdAt: expect.any(String),
        updatedAt: r.body.createdAt,
      });
      expect((await h().call('GET', `/api/v1/catalog/elements/${r.body.id}`, { token: enterprise.staffToken })).body).toEqual(r.body);
      const [entry] = await entries(r.body.id);
      expect(entry.entry).toMatchObject({ type: 'catalog.element.created', org: bureau.id, subject: { type: 'data_element', id: r.body.id } });
      expect(entry.payload).toMatchObject({ identifier: 'DE.PERSON.ID', sourceOrgId: source.id, format: { kind: 'validator', name: 'resident_id' }, version: 1 });
    });

    it('keeps a code list for a code element', async () => {
      const codeList = [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }];
      const r = await create({ dataType: 'code', codeList });
      expect(r.status).toBe(201);
      expect(r.body.codeList).toEqual(codeList);
    });

    it('only a data bureau writer may define elements', async () => {
      const ent = await create({}, enterprise.adminToken);
      expect(ent.status).toBe(403);
      expect(ent.body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await create({}, bureau.auditorToken)).status).toBe(403);
      expect((await create({}, bureau.adminToken)).status).toBe(201);
    });

    it('refuses bad input with stable codes and writes nothing', async () => {
      await h().lt.flush();
      const before = await count();
      const createdBefore = (await h().call('GET', '/api/v1/ledger/entries?type=catalog.element.created&pageSize=1', { token: h().adminToken })).body.total;
      const cases: Array<[Record<string, unknown>, number, string, unknown?]> = [
        [{ format: { kind: 'regex', pattern: '([a-z' } }, 400, 'CATALOG_FORMAT_INVALID', { reason: 'regex_invalid' }],
        [{ format: { kind: 'regex', pattern: 'a'.repeat(501) } }, 400, 'CATALOG_FORMAT_INVALID', { reason: 'regex_too_long' }],
        [{ format: { kind: 'regex', pattern: '(\\d+)+' } }, 400, 'CATALOG_FORMAT_INVALID', { reason: 'regex_unsafe' }],
        [{ format: { kind: 'validator', name: 'passport' } }, 400, 'CATALOG_FORMAT_INVALID', { reason: 'unknown_validator' }],
        [{ dataType: 'integer', format: { kind: 'validator', name: 'mobile' } }, 400, 'CATALOG_FORMAT_INVALID', { reason: 'incompatible_type' }],
        [{ dataType: 'code' }, 400, 'CATALOG_CODE_LIST_REQUIRED'],
        [{ codeList: [{ code: 'a', label: { zh: '甲', en: 'A' } }] }, 400, 'CATALOG_CODE_LIST_NOT_ALLOWED'],
        [{ dataType: 'code', codeList: [{ code: 'a', label: { zh: '甲', en: 'A' } }, { code: 'a', label: { zh: '乙', en: 'B' } }] }, 400, 'CATALOG_CODE_LIST_INVALID', { reason: 'duplicate_code', code: 'a' }],
        [{ sourceOrgId: enterprise.id }, 400, 'CATALOG_SOURCE_ORG_INVALID', { reason: 'not_source_unit' }],
        [{ sourceOrgId: bureau.id }, 400, 'CATALOG_SOURCE_ORG_INVALID', { reason: 'not_source_unit' }],
        [{ sourceOrgId: 'org_00000000000000000000' }, 400, 'CATALOG_SOURCE_ORG_INVALID', { reason: 'not_found' }],
        [{ identifier: 'DE.PERSON.ID' }, 409, 'CATALOG_IDENTIFIER_TAKEN'],
        [{ name: { zh: '公民身份号码', en: 'Another English name' } }, 409, 'CATALOG_NAME_TAKEN'],
        [{ identifier: 'de.lower' }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ name: { zh: '   ', en: 'Blank' } }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ dataType: 'blob' }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ version: 7 }, 400, 'REQUEST_VALIDATION_FAILED'],
      ];
      for (const [over, status, code, details] of cases) {
        const r = await create(over);
        expect(r.status, `${JSON.stringify(over).slice(0, 80)} → ${JSON.stringify(r.body)}`).toBe(status);
        expect(r.body.error.code).toBe(code);
        if (details) expect(r.body.error.details).toMatchObject(details as object);
      }
      expect(await count()).toBe(before);
      await h().lt.flush();
      expect((await h().call('GET', '/api/v1/ledger/entries?type=catalog.element.created&pageSize=1', { token: h().adminToken })).body.total).toBe(createdBefore);
      // Refusals are evidence too.
      const refused = (await h().call('GET', `/api/v1/ledger/entries?type=platform.request.refused&orgId=${bureau.id}&pageSize=200`, { token: h().adminToken })).body.items;
      expect(refused.filter((e: any) => e.payload?.intended === 'catalog.element.created').length).toBeGreaterThanOrEqual(cases.length);
    });

    it('answers in the requested language', async () => {
      const r = await h().call('POST', '/api/v1/catalog/elements', { token: bureau.staffToken, body: body({ dataType: 'code' }), headers: { 'accept-language': 'en-US' } });
      expect(r.body.error.message).toBe('A data element of type code needs a code list.');
      const zh = await create({ dataType: 'code' });
      expect(zh.body.error.message).toBe('代码型数据元必须给出值域（代码表）。');
    });

    it('a source unit must be active (checked through identity)', async () => {
      const suspended = await h().org(['source_unit'], 'Suspended');
      // Test set-up only: identity has no suspension endpoint yet.
      await sql`update identity_organisation set status = 'suspended' where id = ${suspended.id}`.execute(h().lt.kernel.db);
      const r = await create({ sourceOrgId: suspended.id });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toMatchObject({ reason: 'inactive' });
    });

    it('only a data bureau owns elements, also when the platform itself defines one', async () => {
      await expect(h().lt.catalog.elements.create(enterprise.id, body() as any, null)).rejects.toMatchObject({ code: 'CATALOG_OWNER_ORG_INVALID' });
      const ok = await h().lt.catalog.elements.create(bureau.id, body() as any, null);
      expect(ok.ownerOrgId).toBe(bureau.id);
      const [entry] = await entries(ok.id);
      expect(entry.entry.actor).toEqual({ kind: 'system' });
    });

    it('one element per data item even under concurrent writers', async () => {
      const same = body();
      const replies = await Promise.all([0, 1, 2].map(() => h().call('POST', '/api/v1/catalog/elements', { token: bureau.staffToken, body: same })));
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const dupName = { zh: `同名${tag()}`, en: 'Same name' };
      const raced = await Promise.all([0, 1].map(() => create({ name: dupName })));
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(raced.find((r) => r.status === 409)!.body.error.code).toBe('CATALOG_NAME_TAKEN');
    });

    it('unique indexes back both rules, so a writer that loses a race gets the same answer', async () => {
      const e = (await create()).body;
      const now = new Date();
      const row: ElementRow = {
        id: newId('del'), identifier: `DE.RACE${tag()}`, nameZh: `竞争${tag()}`, nameEn: 'Race', definitionZh: null, definitionEn: null, dataType: 'string', format: null,
        codeList: null, unit: null, version: 1, sourceOrgId: source.id, ownerOrgId: bureau.id, status: 'active', createdAt: now, updatedAt: now,
      };
      const db = h().lt.kernel.db;
      await expect(insertElement(db, { ...row, identifier: e.identifier })).rejects.toEqual(new ElementConflict('identifier'));
      await expect(insertElement(db, { ...row, nameZh: e.name.zh.toUpperCase() })).rejects.toEqual(new ElementConflict('name'));
      await expect(insertElement(db, { ...row, dataType: 'code' })).rejects.toThrow(/catalog_element_code_list_check/);
      await insertElement(db, { ...row, status: 'retired', nameZh: e.name.zh, identifier: `${row.identifier}.R` });
    });

    it('the name rule ignores letter case', async () => {
      const k = tag();
      expect((await create({ name: { zh: `GDP总量${k}`, en: 'GDP' } })).status).toBe(201);
      const r = await create({ name: { zh: `gdp总量${k}`, en: 'gdp' } });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('CATALOG_NAME_TAKEN');
    });
  });

  describe('listing', () => {
    let ids: string[] = [];
    const k = `L${Date.now().toString(36).toUpperCase()}`;

    beforeAll(async () => {
      const other = await h().org(['source_unit'], 'Grid');
      ids = [];
      for (const [i, over] of [
        { identifier: `${k}.B`, name: { zh: `列表用电量${k}`, en: `Electricity usage ${k}` }, dataType: 'decimal', unit: 'kWh', sourceOrgId: other.id },
        { identifier: `${k}.A`, name: { zh: `列表企业名称${k}`, en: `Enterprise name ${k}` } },
        { identifier: `${k}.C`, name: { zh: `列表账期${k}`, en: `Billing month ${k}` }, dataType: 'date' },
      ].entries()) {
        const r = await create(over);
        expect(r.status, `${i} ${JSON.stringify(r.body)}`).toBe(201);
        ids.push(r.body.id);
      }
    });

    it('searches identifier and both names, filters, sorts and pages', async () => {
      const get = async (query: string) => (await h().call('GET', `/api/v1/catalog/elements?${query}`, { token: enterprise.auditorToken })).body;
      const byId = await get(`q=${k}`);
      expect(byId.total).toBe(3);
      expect(byId.items.map((e: any) => e.identifier)).toEqual([`${k}.A`, `${k}.B`, `${k}.C`]);
      expect((await get(`q=${encodeURIComponent(`用电量${k}`)}`)).items.map((e: any) => e.id)).toEqual([ids[0]]);
      expect((await get(`q=${encodeURIComponent(`billing MONTH ${k}`)}`)).items.map((e: any) => e.id)).toEqual([ids[2]]);
      expect((await get(`q=${k}&dataType=decimal`)).items.map((e: any) => e.id)).toEqual([ids[0]]);
      expect((await get(`q=${k}&sourceOrgId=${source.id}`)).total).toBe(2);
      expect((await get(`q=${k}&sort=identifier&order=desc`)).items.map((e: any) => e.identifier)).toEqual([`${k}.C`, `${k}.B`, `${k}.A`]);
      expect((await get(`q=${k}&sort=createdAt&order=asc`)).items.map((e: any) => e.id)).toEqual(ids);
      const page2 = await get(`q=${k}&pageSize=2&page=2`);
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.items.map((e: any) => e.identifier)).toEqual([`${k}.C`]);
      expect((await get('q=%25')).total).toBe(0); // LIKE wildcards are literal
    });

    it('rejects unknown query parameters and anonymous callers', async () => {
      const r = await h().call('GET', '/api/v1/catalog/elements?owner=x', { token: enterprise.auditorToken });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('REQUEST_VALIDATION_FAILED');
      expect((await h().call('GET', '/api/v1/catalog/elements')).status).toBe(401);
      const nf = await h().call('GET', '/api/v1/catalog/elements/del_00000000000000000000', { token: enterprise.auditorToken });
      expect(nf.status).toBe(404);
      expect(nf.body.error.code).toBe('CATALOG_ELEMENT_NOT_FOUND');
    });
  });

  describe('changing and retiring', () => {
    it('updates fields, bumps the version and records what changed', async () => {
      const e = (await create({ unit: 'kWh', definition: { zh: '旧定义', en: 'Old definition' } })).body;
      const r = await h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, {
        token: bureau.staffToken,
        body: { name: { zh: `${e.name.zh}（新）`, en: `${e.name.en} (new)` }, unit: null, definition: null, format: { kind: 'regex', pattern: '[A-Z]{2}\\d{4}' } },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ version: 2, unit: null, definition: null, name: { zh: `${e.name.zh}（新）` }, format: { kind: 'regex', pattern: '[A-Z]{2}\\d{4}' }, createdAt: e.createdAt });
      expect(r.body.updatedAt >= e.updatedAt).toBe(true);
      expect((await h().call('GET', `/api/v1/catalog/elements/${e.id}`, { token: bureau.auditorToken })).body).toEqual(r.body);
      const again = await h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, { token: bureau.adminToken, body: { unit: '千瓦时' } });
      expect(again.body.version).toBe(3);
      const log = await entries(e.id);
      expect(log.map((x) => x.entry.type)).toEqual(['catalog.element.created', 'catalog.element.updated', 'catalog.element.updated']);
      expect(log[1].payload).toEqual({ identifier: e.identifier, version: 2, changes: { name: r.body.name, unit: null, definition: null, format: { kind: 'regex', pattern: '[A-Z]{2}\\d{4}' } } });
    });

    it('refuses incoherent changes and keeps the element as it was', async () => {
      const e = (await create({ dataType: 'code', codeList: [{ code: '01', label: { zh: '一', en: 'One' } }] })).body;
      const patch = (b: unknown) => h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, { token: bureau.staffToken, body: b });
      expect((await patch({ codeList: null })).body.error.code).toBe('CATALOG_CODE_LIST_REQUIRED');
      expect((await patch({ format: { kind: 'regex', pattern: '[0-9]' } })).body.error).toMatchObject({ code: 'CATALOG_CODE_LIST_INVALID', details: { reason: 'code_fails_format', code: '01' } });
      expect((await patch({ format: { kind: 'regex', pattern: '(' } })).body.error.code).toBe('CATALOG_FORMAT_INVALID');
      expect((await patch({})).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
      expect((await patch({ dataType: 'string' })).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
      const taken = (await create()).body;
      expect((await patch({ name: taken.name })).body.error.code).toBe('CATALOG_NAME_TAKEN');
      const s = (await create()).body;
      expect((await h().call('PATCH', `/api/v1/catalog/elements/${s.id}`, { token: bureau.staffToken, body: { codeList: [{ code: 'x', label: { zh: '叉', en: 'X' } }] } })).body.error.code).toBe('CATALOG_CODE_LIST_NOT_ALLOWED');
      const now = (await h().call('GET', `/api/v1/catalog/elements/${e.id}`, { token: bureau.staffToken })).body;
      expect(now).toEqual(e);
      expect((await h().call('PATCH', '/api/v1/catalog/elements/del_00000000000000000000', { token: bureau.staffToken, body: { unit: 'x' } })).status).toBe(404);
    });

    it('another data bureau can neither change nor retire an element', async () => {
      const e = (await create()).body;
      const patch = await h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, { token: otherBureau.adminToken, body: { unit: '个' } });
      expect(patch.status).toBe(403);
      expect(patch.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      const retire = await h().call('POST', `/api/v1/catalog/elements/${e.id}/retire`, { token: otherBureau.staffToken });
      expect(retire.status).toBe(403);
      expect(retire.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, { token: source.adminToken, body: { unit: '个' } })).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await h().call('POST', `/api/v1/catalog/elements/${e.id}/retire`, { token: bureau.auditorToken })).status).toBe(403);
      expect((await h().call('GET', `/api/v1/catalog/elements/${e.id}`, { token: bureau.staffToken })).body).toEqual(e);
      const log = await entries(e.id);
      expect(log.map((x) => x.entry.type)).toEqual(['catalog.element.created']);
    });

    it('retires once; a retired element cannot change, its name is free again, its identifier is not', async () => {
      const e = (await create()).body;
      const r = await h().call('POST', `/api/v1/catalog/elements/${e.id}/retire`, { token: bureau.staffToken });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'retired', version: 1 });
      const again = await h().call('POST', `/api/v1/catalog/elements/${e.id}/retire`, { token: bureau.staffToken, headers: { 'accept-language': 'en-US' } });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CATALOG_ELEMENT_STATE_CONFLICT', details: { status: 'retired', action: 'retire' }, message: 'Action "retire" is not allowed on a data element in state "retired".' });
      const patch = await h().call('PATCH', `/api/v1/catalog/elements/${e.id}`, { token: bureau.staffToken, body: { unit: 'x' } });
      expect(patch.status).toBe(409);
      expect(patch.body.error.code).toBe('CATALOG_ELEMENT_STATE_CONFLICT');
      expect((await create({ name: e.name })).status).toBe(201);
      expect((await create({ identifier: e.identifier })).body.error.code).toBe('CATALOG_IDENTIFIER_TAKEN');
      expect((await h().call('GET', `/api/v1/catalog/elements?q=${e.identifier}&status=retired`, { token: bureau.staffToken })).body.items.map((x: any) => x.id)).toEqual([e.id]);
      const log = await entries(e.id);
      expect(log.map((x) => x.entry.type)).toEqual(['catalog.element.created', 'catalog.element.retired']);
      expect(log[1].payload).toEqual({ identifier: e.identifier, version: 1 });
    });
  });

  describe('checking values', () => {
    it('applies data type, format and code list, and changes nothing', async () => {
      const id = (await create({ format: { kind: 'validator', name: 'resident_id' } })).body.id;
      const gender = (await create({ dataType: 'code', codeList: [{ code: '1', label: { zh: '男性', en: 'Male' } }, { code: '2', label: { zh: '女性', en: 'Female' } }] })).body.id;
      const kwh = (await create({ dataType: 'decimal', format: { kind: 'validator', name: 'amount' }, unit: 'kWh' })).body.id;
      const month = (await create({ format: { kind: 'regex', pattern: '\\d{4}-(0[1-9]|1[0-2])' } })).body.id;
      const slow = (await create({ format: { kind: 'regex', pattern: '(a|a)*b' } })).body.id;
      await h().lt.flush();
      const size = (await h().call('GET', '/api/v1/ledger/checkpoint')).body.size;
      const check = async (elementId: string, value: string) => (await h().call('POST', `/api/v1/catalog/elements/${elementId}/check`, { token: enterprise.auditorToken, body: { value } })).body;
      expect(await check(id, '11010519491231002X')).toEqual({ valid: true });
      expect(await check(id, '110105194912310021')).toEqual({ valid: false, reason: 'checksum' });
      expect(await check(gender, '2')).toEqual({ valid: true });
      expect(await check(gender, '9')).toEqual({ valid: false, reason: 'not_in_code_list' });
      expect(await check(kwh, '3120.55')).toEqual({ valid: true });
      expect(await check(kwh, '3120.555')).toEqual({ valid: false, reason: 'scale' });
      expect(await check(kwh, 'n/a')).toEqual({ valid: false, reason: 'not_decimal' });
      expect(await check(month, '2026-11')).toEqual({ valid: true });
      expect(await check(month, 'x2026-11')).toEqual({ valid: false, reason: 'pattern_mismatch' });
      expect(await check(slow, 'a'.repeat(40))).toEqual({ valid: false, reason: 'pattern_timeout' });
      const bad = await h().call('POST', `/api/v1/catalog/elements/${id}/check`, { token: enterprise.auditorToken, body: { value: 1 } });
      expect(bad.body.error.code).toBe('REQUEST_VALIDATION_FAILED');
      expect((await h().call('POST', '/api/v1/catalog/elements/del_00000000000000000000/check', { token: enterprise.auditorToken, body: { value: '1' } })).status).toBe(404);
      await h().lt.flush();
      expect((await h().call('GET', '/api/v1/ledger/checkpoint')).body.size).toBe(size);
    });
  });
});
