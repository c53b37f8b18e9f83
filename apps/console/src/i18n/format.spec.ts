import { formatDate, formatInstant, formatMonth, formatShare } from './format';

describe('format', () => {
  it('prints calendar dates without a time-zone shift', () => {
    expect(formatDate('2026-01-05', 'fi')).toBe('5.1.2026');
    expect(formatDate('2026-01-05', 'sv')).toBe('5.1.2026');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    expect(formatDate('not a date', 'fi')).toBe('not a date');
  });

  it('prints instants in Helsinki time', () => {
    expect(formatInstant('2026-01-04T22:30:00Z', 'fi')).toMatch(/^5\.1\.2026.*0\.30$/);
    expect(formatInstant('2026-01-04T22:30:00Z', 'sv')).toMatch(/^5\.1\.2026.*0[.:]30$/);
  });

  it('prints months and shares', () => {
    expect(formatMonth('2026-03-01', 'fi')).toBe('3.2026');
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'sv')).toBe('3.2026');
    expect(formatShare(0.3217, 'en')).toBe('32.2%');
    expect(formatShare(0.3217, 'sv')).toBe('32,2\u00a0%');
    expect(formatShare(null, 'fi')).toBe('–');
  });
});
