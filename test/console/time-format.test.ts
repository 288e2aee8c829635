import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../../console/src/format/time.format';

describe('console dates', () => {
  it('are shown in Asia/Shanghai time whatever the machine zone', () => {
    expect(formatTime('2026-11-23T18:02:43Z', 'zh-CN')).toBe('2026-11-24 02:02:43');
    expect(formatTime('2026-11-23T18:02:43Z', 'en-US')).toBe('2026-11-24 02:02:43');
    expect(formatTime('2026-01-01T00:00:00.000Z', 'en-US', false)).toBe('2026-01-01 08:00');
  });
  it('say nothing for nothing and keep what they cannot parse', () => {
    expect(formatTime(null, 'zh-CN')).toBe('—');
    expect(formatTime('', 'zh-CN')).toBe('—');
    expect(formatTime('not a date', 'en-US')).toBe('not a date');
  });
  it('show calendar days as they are and instants by their day in Asia/Shanghai', () => {
    expect(formatDate('2026-02-28', 'zh-CN')).toBe('2026-02-28');
    expect(formatDate('2026-11-23T18:02:43Z', 'en-US')).toBe('2026-11-24');
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('someday', 'zh-CN')).toBe('someday');
  });
});
