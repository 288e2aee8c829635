import { describe, expect, it } from 'vitest';
import { applyMethod, DEFAULT_MASKING, effectiveMethod, firstAddressSegment, hashValue, maskRow, maskingPlan, numberRange, requiredMethod, weakerEntry, type MaskableField } from './masking.rules.js';

const f = (over: Partial<MaskableField> = {}): MaskableField => ({ name: 'x', dataType: 'string', level: 'general', personalInfo: 'none', validator: null, ...over });
const salt = Buffer.alloc(32, 7);

describe('masking methods (脱敏)', () => {
  it('masks resident IDs, mobiles and bank cards by their format', () => {
    expect(applyMethod(f({ validator: 'resident_id' }), 'mask', '110101199003071234', salt)).toBe('110101********1234');
    expect(applyMethod(f({ validator: 'mobile' }), 'mask', '13812345678', salt)).toBe('138****5678');
    expect(applyMethod(f({ validator: 'bank_card' }), 'mask', '6222021234567890123', salt)).toBe('***************0123');
    expect(applyMethod(f(), 'mask', '张三丰', salt)).toBe('张*丰');
    expect(applyMethod(f(), 'mask', '张三', salt)).toBe('**');
  });

  it('generalises dates to year-month, amounts to a range, addresses to their first segment', () => {
    expect(applyMethod(f({ dataType: 'date' }), 'generalise', '1981-02-11', salt)).toBe('1981-02');
    expect(applyMethod(f({ dataType: 'decimal' }), 'generalise', '12345.67', salt)).toBe('10000-99999');
    expect(applyMethod(f({ dataType: 'decimal' }), 'generalise', 7, salt)).toBe('0-9');
    expect(applyMethod(f({ name: 'address' }), 'generalise', '广东省广州市天河区体育西路1号', salt)).toBe('广东省');
    expect(firstAddressSegment('广州市天河区')).toBe('广州市');
    expect(numberRange(-250)).toBe('-999--100');
  });

  it('truncates text to its first third and dates to the year', () => {
    expect(applyMethod(f(), 'truncate', '123456789', salt)).toBe('123');
    expect(applyMethod(f({ dataType: 'date' }), 'truncate', '1981-02-11', salt)).toBe('1981');
  });

  it('hashes with HMAC-SHA256 under the grant salt: stable within a grant, different across grants', () => {
    const a = applyMethod(f(), 'hash', '糖尿病', salt);
    expect(a).toMatch(/^h_[A-Za-z0-9_-]{22}$/);
    expect(applyMethod(f(), 'hash', '糖尿病', salt)).toBe(a);
    expect(hashValue(Buffer.alloc(32, 8), '糖尿病')).not.toBe(a);
    expect(applyMethod(f(), 'hash', '高血压', salt)).not.toBe(a);
  });

  it('leaves null values and method none alone', () => {
    expect(applyMethod(f(), 'mask', null, salt)).toBeNull();
    expect(applyMethod(f(), 'none', 'abc', salt)).toBe('abc');
  });
});

describe('the masking matrix', () => {
  it('derives the required method from grade and personal information; sensitive PI is never clear (PIPL Art. 28)', () => {
    expect(requiredMethod(f(), DEFAULT_MASKING)).toBe('none');
    expect(requiredMethod(f({ personalInfo: 'personal' }), DEFAULT_MASKING)).toBe('mask');
    expect(requiredMethod(f({ personalInfo: 'sensitive' }), DEFAULT_MASKING)).toBe('hash');
    // A configuration that asks for less still gets the floor.
    expect(requiredMethod(f({ personalInfo: 'sensitive' }), { ...DEFAULT_MASKING, sensitive: 'none' })).toBe('mask');
    expect(requiredMethod(f({ level: 'important' }), { ...DEFAULT_MASKING, important: 'generalise' })).toBe('generalise');
  });

  it('lets a grant strengthen but never weaken', () => {
    const name = f({ name: 'name', personalInfo: 'personal' });
    expect(effectiveMethod(name, DEFAULT_MASKING, { name: 'hash' })).toBe('hash');
    expect(effectiveMethod(name, DEFAULT_MASKING, { name: 'none' })).toBe('mask');
    expect(weakerEntry([name], DEFAULT_MASKING, { name: 'truncate' })).toEqual({ field: 'name', method: 'truncate', required: 'mask' });
    expect(weakerEntry([name], DEFAULT_MASKING, { name: 'hash' })).toBeNull();
  });

  it('masks a row by plan, touching only planned fields', () => {
    const fields = [f({ name: 'id', validator: 'resident_id', personalInfo: 'personal' }), f({ name: 'district' })];
    const plan = maskingPlan(fields, DEFAULT_MASKING, null);
    expect(maskRow({ id: '110101199003071234', district: '天河区' }, plan, salt)).toEqual({ id: '110101********1234', district: '天河区' });
  });
});
