import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { residents, toCsv } from '../../cli/demo.data.js';

const POPULATION = 'cat_base0000000000000001';
const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };

describeEachEngine('classification scanner over HTTP', (engine) => {
  const h = useLiutong(engine);
  let owner: TestOrg;
  let other: TestOrg;
  const people = residents(120, 99).map((p) => ({ id_number: p.id_number, mobile: p.mobile, address: p.address, note: `备注${p.sex}` }));

  const newResource = async (grades: Record<string, unknown> = {}) => {
    const tag = Math.random().toString(36).slice(2, 8);
    const label = (zh: string, en: string) => ({ zh, en });
    const r = await h().call('POST', '/api/v1/catalog/resources', {
      token: owner.staffToken,
      body: {
        title: { zh: `扫描样本${tag}`, en: `Scan sample ${tag}` }, categoryId: POPULATION, updateFrequency: 'monthly', format: 'table',
        fields: [
          { name: 'id_number', label: label('证件号', 'ID'), dataType: 'string', key: true, grade: grades.id_number ?? G1 },
          { name: 'mobile', label: label('电话', 'Phone'), dataType: 'string', grade: grades.mobile ?? G1 },
          { name: 'address', label: label('地址', 'Address'), dataType: 'string', grade: G1 },
          { name: 'note', label: label('备注', 'Note'), dataType: 'string', grade: G1 },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const m = await h().lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount`, headers: { authorization: `Bearer ${owner.staffToken}`, 'content-type': 'text/csv' }, payload: toCsv(people) });
    expect(m.statusCode, m.body).toBe(201);
    return id;
  };
  const scan = (id: string, body: unknown = {}, token = owner.staffToken) => h().call('POST', `/api/v1/catalog/resources/${id}/scan`, { token, body });

  beforeAll(async () => {
    owner = await h().org(['source_unit'], 'ScanOwner', 'government');
    other = await h().org(['source_unit'], 'ScanOther', 'government');
  });

  it('recognises identity numbers, mobiles and addresses and suggests stricter grades, without changing them', async () => {
    const id = await newResource();
    const r = await scan(id);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const by = Object.fromEntries(r.body.fields.map((f: any) => [f.field, f]));
    expect(r.body.sampled).toBe(120);
    expect(by.id_number.detected).toBe('resident_id');
    expect(by.id_number.suggested).toMatchObject({ personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] });
    expect(by.id_number.raises).toBe(true);
    expect(by.mobile.detected).toBe('mobile');
    expect(by.address.detected).toBe('address');
    expect(by.note.detected).toBeNull();
    expect(by.id_number.applied).toBe(false);
    // Nothing changed: the draft keeps its grades.
    const res = await h().call('GET', `/api/v1/catalog/resources/${id}`, { token: owner.staffToken });
    expect(res.body.fields.find((f: any) => f.name === 'id_number').grade.personalInfo).toBe('none');
    // The scan is evidence.
    await h().lt.flush();
    const e = await h().call('GET', `/api/v1/ledger/entries?subjectId=${id}&type=catalog.resource.scanned`, { token: h().adminToken });
    expect(e.body.items).toHaveLength(1);
  });

  it('applies suggestions by raising grades, never lowering a grade a person set', async () => {
    const important = { level: 'important', personalInfo: 'personal' };
    const id = await newResource({ mobile: important });
    const r = await scan(id, { apply: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const res = await h().call('GET', `/api/v1/catalog/resources/${id}`, { token: owner.staffToken });
    const grade = (name: string) => res.body.fields.find((f: any) => f.name === name).grade;
    expect(grade('id_number')).toMatchObject({ level: 'general', generalLevel: 4, personalInfo: 'sensitive' });
    expect(grade('address')).toMatchObject({ level: 'general', generalLevel: 3, personalInfo: 'personal' });
    // The person's 'important' on mobile stays; the suggestion (general 3, personal) does not lower it.
    expect(grade('mobile')).toMatchObject({ level: 'important', personalInfo: 'personal' });
    expect(grade('note')).toMatchObject(G1);
    expect(r.body.fields.find((f: any) => f.field === 'mobile').applied).toBe(false);
    // Scanning again changes nothing more.
    const again = await scan(id, { apply: true });
    expect(again.body.fields.filter((f: any) => f.raises)).toEqual([]);
  });

  it('refuses another organisation, a resource without data, and bad input', async () => {
    const id = await newResource();
    const cross = await scan(id, {}, other.staffToken);
    expect([403, 404]).toContain(cross.status);
    const empty = await h().call('POST', '/api/v1/catalog/resources', { token: owner.staffToken, body: { title: { zh: '无数据', en: 'No data' }, categoryId: POPULATION, updateFrequency: 'monthly', format: 'table', fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', grade: G1 }] } });
    const none = await scan(empty.body.id);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('CATALOG_MOUNT_NOT_FOUND');
    const bad = await scan(id, { sampleSize: 5, extra: 1 });
    expect(bad.status).toBe(400);
  });
});
