import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, WorkingDayCalendar, isDateText, shanghaiDate } from './working-day.calendar.js';

const cal = new WorkingDayCalendar();

describe('working-day calendar', () => {
  it('keeps ordinary weekdays as working days and weekends off', () => {
    expect(cal.isWorkingDay('2026-11-30')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-12-06')).toBe(false); // Sunday
  });

  it('follows the 2025 State Council schedule (国办发明电〔2024〕12号)', () => {
    expect(cal.isWorkingDay('2025-01-01')).toBe(false);
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-01-26')).toBe(true); // Sunday worked
    expect(cal.isWorkingDay('2025-02-08')).toBe(true); // Saturday worked
    expect(cal.isWorkingDay('2025-04-04')).toBe(false);
    expect(cal.isWorkingDay('2025-04-27')).toBe(true);
    for (const d of ['2025-05-01', '2025-05-02', '2025-05-05']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-06-02')).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    for (const d of ['2025-10-01', '2025-10-06', '2025-10-08']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('follows the 2026 schedule', () => {
    for (const d of ['2026-01-01', '2026-01-02']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday worked
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (const d of ['2026-02-16', '2026-02-20', '2026-02-23']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-04-06')).toBe(false);
    expect(cal.isWorkingDay('2026-05-05')).toBe(false);
    expect(cal.isWorkingDay('2026-05-09')).toBe(true);
    expect(cal.isWorkingDay('2026-06-19')).toBe(false);
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-07']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('lists only real dates, make-up days only on weekends', () => {
    for (const s of OFFICIAL_SCHEDULES) {
      for (const d of [...s.holidays, ...s.workdays]) expect(isDateText(d), d).toBe(true);
      for (const d of s.workdays) expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('takes the Asia/Shanghai date of an instant', () => {
    // 2026-09-30 17:00 UTC is 2026-10-01 01:00 in Shanghai: National Day.
    expect(shanghaiDate(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(cal.isWorkingDay(new Date('2026-09-30T17:00:00Z'))).toBe(false);
    expect(cal.isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true);
  });

  it('adds working days across a holiday and a make-up working weekend', () => {
    // Wednesday 2026-09-30: 10/1–10/7 off, Thursday 10/8 and Friday 10/9 work, Saturday 10/10 worked (调休).
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    // Before the Spring Festival 2026: Saturday 2/14 worked, 2/15–2/23 off.
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-12-04', 0)).toBe('2026-12-04');
    expect(() => cal.addWorkingDays('2026-12-04', -1)).toThrow(RangeError);
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(cal.workingDaysBetween('2026-11-30', '2026-12-07')).toBe(5);
    expect(cal.workingDaysBetween('2026-12-07', '2026-11-30')).toBe(0);
    expect(cal.workingDaysBetween('2026-11-30', '2026-11-30')).toBe(0);
    for (const n of [0, 1, 5, 17]) expect(cal.workingDaysBetween('2026-09-28', cal.addWorkingDays('2026-09-28', n))).toBe(n);
  });

  it('ends a deadline at midnight Shanghai time after the n-th working day', () => {
    // Asked 2026-09-30 10:00 Shanghai; 5 working days: 10/8, 10/9, 10/10, 10/12, 10/13 → ends 10/14 00:00 +08:00.
    expect(cal.deadline(new Date('2026-09-30T02:00:00Z'), 5).toISOString()).toBe('2026-10-13T16:00:00.000Z');
  });

  it('takes configured holidays and make-up days over the official schedule', () => {
    const c = new WorkingDayCalendar({ holidays: ['2026-12-02', '2026-10-10'], workdays: ['2026-12-05', '2026-10-02'] });
    expect(c.isWorkingDay('2026-12-02')).toBe(false);
    expect(c.isWorkingDay('2026-10-10')).toBe(false);
    expect(c.isWorkingDay('2026-12-05')).toBe(true);
    expect(c.isWorkingDay('2026-10-02')).toBe(true);
    expect(c.addWorkingDays('2026-12-01', 2)).toBe('2026-12-04');
    expect(() => new WorkingDayCalendar({ holidays: ['2026-02-30'] })).toThrow(/calendar.holidays/);
    expect(() => cal.isWorkingDay('2026-13-01')).toThrow(RangeError);
  });
});
