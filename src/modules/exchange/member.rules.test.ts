import { describe, expect, it } from 'vitest';
import { brokerNumber, brokerStanding, commissionFen, looksLike, mandateCovers, MEMBER_TRANSITIONS } from './member.rules.js';

describe('exchange membership rules', () => {
  it('a broker certificate is in force only while active and within its validity', () => {
    const c = { status: 'active' as const, validFrom: '2026-01-01', validUntil: '2026-12-31' };
    expect(brokerStanding(c, '2025-12-31')).toBe('not_yet');
    expect(brokerStanding(c, '2026-01-01')).toBe('in_force');
    expect(brokerStanding(c, '2026-12-31')).toBe('in_force');
    expect(brokerStanding(c, '2027-01-01')).toBe('expired');
    expect(brokerStanding({ ...c, status: 'suspended' }, '2026-06-01')).toBe('suspended');
    expect(brokerStanding({ ...c, status: 'revoked' }, '2026-06-01')).toBe('revoked');
    expect(brokerNumber(2026, 7)).toBe('GDDB-2026-0007');
  });

  it('a mandate covers its side until its last day, while active', () => {
    const m = { status: 'active' as const, side: 'sell' as const, validUntil: '2026-12-31' };
    expect(mandateCovers(m, 'sell', '2026-12-31')).toBe(true);
    expect(mandateCovers(m, 'sell', '2027-01-01')).toBe(false);
    expect(mandateCovers(m, 'buy', '2026-06-01')).toBe(false);
    expect(mandateCovers({ ...m, side: 'both' }, 'buy', '2026-06-01')).toBe(true);
    expect(mandateCovers({ ...m, status: 'ended' }, 'sell', '2026-06-01')).toBe(false);
  });

  it('commission rounds half up to the fen', () => {
    expect(commissionFen(100_000n, 150)).toBe(1_500n); // 1.5 % of ¥1,000
    expect(commissionFen(333n, 150)).toBe(5n); // 4.995 → 5
    expect(commissionFen(33n, 150)).toBe(0n); // 0.495 → 0
    expect(commissionFen(123_456_789n, 0)).toBe(0n);
  });

  it('a file is what its media type says by its first bytes', () => {
    expect(looksLike('application/pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(looksLike('application/pdf', Buffer.from('GIF89a'))).toBe(false);
    expect(looksLike('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(looksLike('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(looksLike('image/jpeg', Buffer.from('%PDF-'))).toBe(false);
    expect(looksLike('text/plain', Buffer.from('hello'))).toBe(false);
  });

  it('membership moves only along its state machine', () => {
    expect(MEMBER_TRANSITIONS.approve.from).toEqual(['applied']);
    expect(MEMBER_TRANSITIONS.reinstate).toEqual({ from: ['suspended'], to: 'active' });
    expect(MEMBER_TRANSITIONS.terminate.from).toEqual(['active', 'suspended']);
  });
});
