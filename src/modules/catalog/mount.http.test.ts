import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const POPULATION = 'cat_base0000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
const fixture = (name: string) => readFileSync(`test/fixtures/mount/${name}`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachEngine('mounting (挂接) over HTTP', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let police: TestOrg;
  let other: TestOrg;
  let ent: TestOrg;
  let ent2: TestOrg;
  let ridElement: string;
  let genderElement: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const fields = (grade: Record<string, unknown> = G2) => [
    { name: 'id', label: { zh: '身份证号', en: 'ID number' }, elementId: ridElement, key: true, grade },
    { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: G2 },
    { name: 'gender', label: { zh: '性别', en: 'Gender' }, elementId: genderElement, grade: G2 },
    { name: 'income', label: { zh: '月收入', en: 'Monthly income' }, dataType: 'decimal', grade: G2 },
    { name: 'born', label: { zh: '出生日期', en: 'Date of birth' }, dataType: 'date', grade: G2 },
  ];
  const newResource = async (org: TestOrg = police, grade?: Record<string, unknown>) => {
    const k = tag();
    const r = await h().call('POST', '/api/v1/catalog/resources', {
      token: org.staffToken,
      body: {
        title: { zh: `人口样本${k}`, en: `Population sample ${k}` }, categoryId: POPULATION, fields: fields(grade), updateFrequency: 'monthly', format: 'table',
        ...(org === police || org === other
          ? { sharing: grade?.level === 'core' ? { type: 'none', legalBasis: '核心数据不予共享' } : { type: 'conditional', conditions: '仅用于政务服务' }, open: { type: 'none' } }
          : {}),
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const upload = (id: string, bytes: Uint8Array | string, contentType = 'text/csv', token = police.staffToken, query = '') =>
    h().lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount${query}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: Buffer.from(bytes) })
      .then((res) => ({ status: res.statusCode, body: JSON.parse(res.body), headers: res.headers }));
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };
  const rowsOf = async (id: string, version = 1) => (await h().lt.catalog.mounts.queryRows(id, { version, offset: 0, limit: 100 })).rows;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    police = await h().org(['source_unit'], 'Police', 'government');
    other = await h().org(['source_unit'], 'Other', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    ent2 = await h().org(['enterprise'], 'Ent2');
    const e1 = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: { identifier: `DE.MOUNT.RID${tag().toUpperCase()}`, name: { zh: `挂接身份证号${tag()}`, en: 'Resident ID' }, dataType: 'string', format: { kind: 'validator', name: 'resident_id' }, sourceOrgId: police.id },
    });
    expect(e1.status, JSON.stringify(e1.body)).toBe(201);
    ridElement = e1.body.id;
    const e2 = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: {
        identifier: `DE.MOUNT.GENDER${tag().toUpperCase()}`, name: { zh: `挂接性别${tag()}`, en: 'Gender' }, dataType: 'code', sourceOrgId: police.id,
        codeList: [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }],
      },
    });
    expect(e2.status, JSON.stringify(e2.body)).toBe(201);
    genderElement = e2.body.id;
  });

  it('mounts a UTF-8 CSV: rows stored by key, original kept by sha256, evidence with sha256 and row count', async () => {
    const id = await newResource();
    const bytes = fixture('residents.csv');
    const r = await upload(id, bytes);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ resourceId: id, version: 1, mount: { kind: 'table', version: 1, rowCount: 5, sha256: sha(bytes), format: 'csv' } });
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ id: '440106198102110019', name: '张三', gender: '1', income: '1000.50', born: '1981-02-11' });
    expect(rows.find((x) => x.name === '赵六')!.income).toBeNull();
    const ev = (await entries(id)).find((e) => e.entry.type === 'catalog.mount.created');
    expect(ev).toBeTruthy();
    const info = await h().call('GET', `/api/v1/catalog/resources/${id}/mount`, { token: police.auditorToken });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ version: 1, owner: true, mount: { kind: 'table', rowCount: 5, sha256: sha(bytes) } });
  });

  it('reads GBK CSV with Chinese label headers, XLSX and Parquet', async () => {
    const gbk = await newResource();
    const r1 = await upload(gbk, fixture('residents.gbk.csv'));
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(r1.body.mount.rowCount).toBe(3);
    expect((await rowsOf(gbk)).map((x) => x.name)).toEqual(['孙八', '周九', '吴十']);

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('data');
    sheet.addRow(['id', 'name', 'gender', 'income', 'born']);
    sheet.addRow(['440106198901190094', '郑一', '2', '1234.50', new Date(Date.UTC(1989, 0, 19))]);
    sheet.addRow(['440106199002100109', '王二', '1', '99', '1990-02-10']);
    const xlsx = await newResource();
    const r2 = await upload(xlsx, Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(r2.status, JSON.stringify(r2.body)).toBe(201);
    expect(await rowsOf(xlsx)).toEqual([
      { id: '440106198901190094', name: '郑一', gender: '2', income: '1234.50', born: '1989-01-19' },
      { id: '440106199002100109', name: '王二', gender: '1', income: '99', born: '1990-02-10' },
    ]);

    const parquet = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['440106199103110111', '440106199204120124'], type: 'STRING' },
        { name: 'name', data: ['冯三', '陈四'], type: 'STRING' },
        { name: 'gender', data: ['1', '2'], type: 'STRING' },
        { name: 'income', data: [10.5, null], type: 'DOUBLE' },
        { name: 'born', data: ['1991-03-11', '1992-04-12'], type: 'STRING' },
      ],
    });
    const pq = await newResource();
    const r3 = await upload(pq, new Uint8Array(parquet), 'application/octet-stream', police.staffToken, '?format=parquet');
    expect(r3.status, JSON.stringify(r3.body)).toBe(201);
    expect(await rowsOf(pq)).toEqual([
      { id: '440106199103110111', name: '冯三', gender: '1', income: '10.5', born: '1991-03-11' },
      { id: '440106199204120124', name: '陈四', gender: '2', income: null, born: '1992-04-12' },
    ]);
    // The JSON form (as the element import takes files) works too.
    const js = await newResource();
    const r4 = await h().call('POST', `/api/v1/catalog/resources/${js}/mount`, { token: police.staffToken, body: { format: 'csv', contentBase64: fixture('residents.csv').toString('base64') } });
    expect(r4.status, JSON.stringify(r4.body)).toBe(201);
    expect(r4.body.mount.rowCount).toBe(5);
  });

  it('rejects a file that does not match the declared fields, naming line, column and reason, and stores nothing', async () => {
    const id = await newResource();
    expect((await upload(id, fixture('residents.csv'))).status).toBe(201);
    const before = await rowsOf(id);
    const bad = await upload(id, fixture('residents.bad.csv'));
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('CATALOG_MOUNT_SCHEMA_MISMATCH');
    const problems = bad.body.error.details.problems.map((p: any) => `${p.line}:${p.column}:${p.reason}`);
    expect(problems).toEqual(['3:id:checksum', '4:gender:not_in_code_list', '4:income:not_decimal', '4:born:calendar', '5:id:duplicate_key']);
    const header = await upload(id, fixture('residents.header.csv'), 'text/csv; charset=utf-8', police.staffToken);
    expect(header.status).toBe(422);
    expect(header.body.error.details.problems.map((p: any) => `${p.column}:${p.reason}`)).toEqual(['sex:unknown_column', 'gender:missing_column', 'born:missing_column']);
    expect(await rowsOf(id)).toEqual(before);
    const notGbk = await upload(id, Buffer.from([0x69, 0x64, 0x0a, 0xff, 0xfe, 0x80]));
    expect(notGbk.status).toBe(400);
    expect(notGbk.body.error.code).toBe('CATALOG_MOUNT_FILE_INVALID');
    const notXlsx = await upload(id, Buffer.from('not a zip'), XLSX);
    expect(notXlsx.body.error.details.reason).toBe('not_xlsx');
    const notParquet = await upload(id, Buffer.from('PAR1 nonsense'), 'application/vnd.apache.parquet');
    expect(notParquet.status).toBe(400);
    expect(notParquet.body.error.details.reason).toBe('not_parquet');
    const noFormat = await upload(id, fixture('residents.csv'), 'application/octet-stream');
    expect(noFormat.status).toBe(415);
    expect(noFormat.body.error.code).toBe('CATALOG_MOUNT_FORMAT_UNSUPPORTED');
    expect((await upload(id, fixture('residents.csv'), 'text/plain')).status).toBe(415);
    expect(await rowsOf(id)).toEqual(before);
  });

  it('re-mounting replaces the rows atomically and keeps each original once', async () => {
    const id = await newResource();
    const a = fixture('residents.csv');
    expect((await upload(id, a)).status).toBe(201);
    const again = await upload(id, a);
    expect(again.status).toBe(201);
    expect(again.body.mount.sha256).toBe(sha(a));
    const files = await h().lt.kernel.db.selectFrom('catalog_mount_file').select((eb) => eb.fn.countAll<string>().as('n')).where('sha256', '=', sha(a)).executeTakeFirst();
    expect(Number(files!.n)).toBe(1);
    expect((await upload(id, fixture('residents.gbk.csv'))).status).toBe(201);
    expect((await rowsOf(id)).map((x) => x.name)).toEqual(['孙八', '周九', '吴十']);
    const ev = (await entries(id)).filter((e) => e.entry.type === 'catalog.mount.created');
    expect(ev).toHaveLength(3);
  });

  it('only the owner organisation mounts and previews; core data cannot be mounted', async () => {
    const id = await newResource();
    const cross = await upload(id, fixture('residents.csv'), 'text/csv', other.staffToken);
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    expect((await upload(id, fixture('residents.csv'), 'text/csv', police.auditorToken)).status).toBe(403);
    const social = await newResource(ent);
    const hidden = await upload(social, fixture('residents.csv'), 'text/csv', ent2.staffToken);
    expect(hidden.status).toBe(404);
    expect((await h().call('GET', `/api/v1/catalog/resources/${social}/mount`, { token: ent2.staffToken })).status).toBe(404);
    expect((await upload(social, fixture('residents.csv'), 'text/csv', ent.staffToken)).status).toBe(201);
    const preview = await h().call('GET', `/api/v1/catalog/resources/${social}/mount/preview?limit=2`, { token: ent.auditorToken });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rowCount: 5, kind: 'table' });
    expect(preview.body.rows).toHaveLength(2);
    expect(preview.body.columns.map((c: any) => c.name)).toEqual(['id', 'name', 'gender', 'income', 'born']);
    expect((await h().call('GET', `/api/v1/catalog/resources/${social}/mount/preview`, { token: ent2.staffToken })).status).toBe(404);

    const core = await newResource(police, { level: 'core', personalInfo: 'none' });
    const refused = await upload(core, fixture('residents.csv'));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CATALOG_MOUNT_CORE_DATA');
    expect((await h().call('PUT', `/api/v1/catalog/resources/${core}/mount`, { token: police.staffToken, body: { upstreamUrl: 'http://127.0.0.1:9/x' } })).body.error.code).toBe('CATALOG_MOUNT_CORE_DATA');
  });

  it('registers an external API mount (http/https only) and exposes it through source()', async () => {
    const id = await newResource();
    for (const upstreamUrl of ['ftp://example.test/data', 'http://user:pw@example.test/data', 'not a url']) {
      const r = await h().call('PUT', `/api/v1/catalog/resources/${id}/mount`, { token: police.staffToken, body: { upstreamUrl } });
      expect(r.status, upstreamUrl).toBe(400);
      expect(r.body.error.code).toBe('CATALOG_MOUNT_UPSTREAM_INVALID');
    }
    const ok = await h().call('PUT', `/api/v1/catalog/resources/${id}/mount`, { token: police.staffToken, body: { upstreamUrl: 'https://api.example.test/people', keyParam: 'id', timeoutMs: 2000 } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.mount).toMatchObject({ kind: 'api', upstreamUrl: 'https://api.example.test/people', keyParam: 'id', timeoutMs: 2000 });
    const cross = await h().call('PUT', `/api/v1/catalog/resources/${id}/mount`, { token: other.staffToken, body: { upstreamUrl: 'https://evil.test/' } });
    expect(cross.status).toBe(403);
    const src = await h().lt.catalog.mounts.source(id);
    expect(src).toMatchObject({ resourceId: id, version: 1, ownerOrgId: police.id, status: 'draft', publicData: true, mount: { kind: 'api', upstreamUrl: 'https://api.example.test/people', keyParam: 'id', timeoutMs: 2000 } });
    expect((await entries(id)).some((e) => e.entry.type === 'catalog.mount.api_registered')).toBe(true);
  });

  it('source() describes the served version and queryRows() probes keys, filters, projects and pages', async () => {
    expect(await h().lt.catalog.mounts.source('res_00000000000000000000')).toBeNull();
    const id = await newResource();
    expect((await upload(id, fixture('residents.csv'))).status).toBe(201);
    const src = (await h().lt.catalog.mounts.source(id))!;
    expect(src.fields.find((f) => f.name === 'id')).toMatchObject({ isKey: true, validator: 'resident_id', level: 'general', generalLevel: 2, personalInfo: 'none' });
    expect(src.sharing).toEqual({ type: 'conditional', conditions: '仅用于政务服务' });
    expect(src.open).toEqual({ type: 'none' });
    expect(src.mount).toMatchObject({ kind: 'table', version: 1, rowCount: 5 });
    const m = h().lt.catalog.mounts;
    const one = await m.queryRows(id, { version: 1, filters: { id: ['44010619850615005X'] }, offset: 0, limit: 10 });
    expect(one.rows).toEqual([{ id: '44010619850615005X', name: '钱七', gender: '1', income: '5000.75', born: '1985-06-15' }]);
    const two = await m.queryRows(id, { version: 1, filters: { id: ['440106198102110019', '440106198203120021', 'nope'] }, fields: ['name'], offset: 0, limit: 10 });
    expect(two.rows).toEqual([{ name: '张三' }, { name: '李四' }]);
    const women = await m.queryRows(id, { version: 1, filters: { gender: ['2'] }, fields: ['name'], offset: 0, limit: 10 });
    expect(women.rows.map((r) => r.name)).toEqual(['李四', '赵六']);
    const page1 = await m.queryRows(id, { version: 1, offset: 0, limit: 3 });
    const page2 = await m.queryRows(id, { version: 1, offset: 3, limit: 3 });
    expect([page1.hasMore, page2.hasMore, page1.rows.length, page2.rows.length]).toEqual([true, false, 3, 2]);
    // Published, then edited: the new draft version serves the carried-forward data until re-mounted.
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: police.staffToken })).status).toBe(200);
    // Mounted data needs a quality report before publication (the quality gate).
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken })).body.error.code).toBe('CATALOG_QUALITY_GATE');
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/quality/run`, { token: police.staffToken })).status).toBe(201);
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken })).status).toBe(200);
    const removeMount = () => h().call('DELETE', `/api/v1/catalog/resources/${id}/mount`, { token: police.staffToken });
    expect((await removeMount()).body.error.code).toBe('CATALOG_RESOURCE_STATE_CONFLICT'); // the live version keeps its data
    expect((await h().call('PATCH', `/api/v1/catalog/resources/${id}`, { token: police.staffToken, body: { coverage: '广州市' } })).status).toBe(200);
    const after = (await m.source(id))!;
    expect(after).toMatchObject({ version: 1, status: 'published', mount: { version: 1 } });
    expect((await m.queryRows(id, { version: 2, offset: 0, limit: 10 })).rows).toHaveLength(5);
    const pub = await h().call('GET', `/api/v1/catalog/resources/${id}/mount`, { token: other.staffToken });
    expect(pub.body).toMatchObject({ version: 1, owner: false, mount: { rowCount: 5 } });
    // Removing the data of the new draft stops the carry-forward there; the live version still serves.
    const removed = await removeMount();
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ version: 2, mount: null });
    expect((await m.queryRows(id, { version: 2, offset: 0, limit: 10 })).rows).toHaveLength(0);
    expect((await h().call('GET', `/api/v1/catalog/resources/${id}/mount`, { token: police.staffToken })).body).toMatchObject({ version: 2, mount: null });
    expect((await m.source(id))!.mount).toMatchObject({ version: 1, rowCount: 5 });
    expect((await h().call('GET', `/api/v1/catalog/resources/${id}/mount`, { token: other.staffToken })).body).toMatchObject({ version: 1, mount: { rowCount: 5 } });
    expect((await removeMount()).body.error.code).toBe('CATALOG_MOUNT_NOT_FOUND');
  });

  it('changing the fields of a draft re-checks its mounted data: data that fits is stored again, data that does not refuses the change; removing the data frees the fields', async () => {
    const id = await newResource();
    // GBK file with Chinese label headers: a later label change must still find its columns.
    expect((await upload(id, fixture('residents.gbk.csv'))).status).toBe(201);
    const patch = (body: unknown, token = police.staffToken) => h().call('PATCH', `/api/v1/catalog/resources/${id}`, { token, body });
    const fieldNames = async () => (await h().call('GET', `/api/v1/catalog/resources/${id}`, { token: police.staffToken })).body.fields.map((f: any) => f.name);
    const rechecked = async () => (await entries(id)).filter((e) => e.entry.type === 'catalog.mount.rechecked');
    const m = h().lt.catalog.mounts;

    // Fits: 姓名 relabelled, name joins the key, born becomes free text → rows stored again, keyed by (id, name).
    const refit = fields().map((f) => (f.name === 'name' ? { ...f, label: { zh: '居民姓名', en: 'Resident name' }, key: true } : f.name === 'born' ? { ...f, dataType: 'string' } : f));
    const ok = await patch({ fields: refit });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const ev = await rechecked();
    expect(ev).toHaveLength(1);
    expect(ev[0].payload).toMatchObject({ version: 1, rowCount: 3, fromVersion: 1 });
    const probe = await m.queryRows(id, { version: 1, filters: { id: ['440106198607160062'], name: ['孙八'] }, fields: ['born'], offset: 0, limit: 10 });
    expect(probe.rows).toEqual([{ born: '1986-07-16' }]);
    expect((await m.source(id))!.mount).toMatchObject({ kind: 'table', rowCount: 3 });

    // Does not fit: a column the file lacks, or a type its values break → refused, nothing changed.
    const missing = await patch({ fields: [...refit, { name: 'mobile', label: { zh: '手机号', en: 'Mobile' }, dataType: 'string', grade: G2 }] });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('CATALOG_MOUNT_FIELDS_MISMATCH');
    expect(missing.body.error.details.problems[0]).toMatchObject({ column: 'mobile', reason: 'missing_column' });
    const typed = await patch({ fields: refit.map((f) => (f.name === 'income' ? { ...f, dataType: 'integer' } : f)) });
    expect(typed.body.error.code).toBe('CATALOG_MOUNT_FIELDS_MISMATCH');
    expect(typed.body.error.details.problems[0]).toMatchObject({ line: 2, column: 'income' });
    expect(await fieldNames()).toEqual(['id', 'name', 'gender', 'income', 'born']);
    expect(await rowsOf(id)).toHaveLength(3);

    // A grade-only change leaves the rows alone.
    expect((await patch({ fields: refit.map((f) => (f.name === 'income' ? { ...f, grade: { level: 'general', generalLevel: 3, personalInfo: 'personal' } } : f)) })).status).toBe(200);
    expect(await rechecked()).toHaveLength(1);

    // Only the owner removes; then the fields are free and a new file is checked against them.
    expect((await h().call('DELETE', `/api/v1/catalog/resources/${id}/mount`, { token: other.staffToken })).status).toBe(403);
    const gone = await h().call('DELETE', `/api/v1/catalog/resources/${id}/mount`, { token: police.staffToken });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(await rowsOf(id)).toHaveLength(0);
    expect((await entries(id)).filter((e) => e.entry.type === 'catalog.mount.removed').map((e) => e.payload)).toEqual([{ version: 1, kind: 'table', fromVersion: 1 }]);
    expect((await patch({ fields: [...refit, { name: 'mobile', label: { zh: '手机号', en: 'Mobile' }, dataType: 'string', grade: G2 }] })).status).toBe(200);
    expect((await upload(id, fixture('residents.gbk.csv'))).body.error.details.problems).toContainEqual({ line: 1, column: 'mobile', reason: 'missing_column' });
  });
});
