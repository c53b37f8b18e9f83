import { kpiAsked, wholeMonths } from './kpi-period';

const TODAY = '2026-12-01';

describe('kpiAsked', () => {
  it('reads months as their first and last days, and compares with the same days a year earlier', () => {
    expect(kpiAsked({ from: '2024-01', to: '2024-05' }, TODAY)).toEqual({
      period: { from: '2024-01-01', to: '2024-05-31' },
      previousYear: { from: '2023-01-01', to: '2023-05-31' },
      recordedBefore: null,
      judgedOn: TODAY,
      asOf: null,
    });
    expect(kpiAsked({ from: '2024-02-29', to: '2024-02-29' }, TODAY).previousYear).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(kpiAsked({ from: '2024-02', to: '2024-02' }, TODAY).period).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('defaults to the current month to date', () => {
    expect(kpiAsked({}, TODAY).period).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('reads as of the end of the as-of day in Helsinki', () => {
    expect(kpiAsked({ from: '2024-01', to: '2024-05', asOf: '2024-06-14' }, TODAY)).toMatchObject({ recordedBefore: '2024-06-14T21:00:00.000Z', judgedOn: '2024-06-14', asOf: '2024-06-14' });
  });

  it.each([
    [{ from: '2024-05', to: '2024-01' }, 'to'],
    [{ from: '2024-02-30' }, 'from'],
    [{ from: '2014-01-01', to: '2024-01-01' }, 'to'],
    [{ asOf: '2026-12-02' }, 'asOf'],
    [{ from: '0000-01', to: '0001-01' }, 'from'],
    [{ from: '2199-12-01', to: '2200-01' }, 'to'],
    [{ from: '2199-12', to: '9999-12' }, 'to'],
    [{ from: '0000-01-01' }, 'from'],
    [{ to: '0000-01' }, 'to'],
    [{ asOf: '1899-12-31' }, 'asOf'],
  ])('refuses %p with a 400 naming %s', (query, field) => {
    expect(() => kpiAsked(query, TODAY)).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'VALIDATION.INVALID_QUERY', issues: [expect.objectContaining({ path: field })] }) }));
  });

  it('takes a period of exactly ten years less a day', () => {
    expect(kpiAsked({ from: '2014-01-02', to: '2024-01-01' }, TODAY).period.to).toBe('2024-01-01');
  });
});

describe('wholeMonths', () => {
  it.each([
    [{ from: '2024-01-01', to: '2024-03-31' }, { from: '2024-01', to: '2024-03' }],
    [{ from: '2024-01-15', to: '2024-03-31' }, { from: '2024-02', to: '2024-03' }],
    [{ from: '2024-01-01', to: '2024-03-30' }, { from: '2024-01', to: '2024-02' }],
    [{ from: '2024-01-02', to: '2024-01-30' }, null],
    [{ from: '2024-02-01', to: '2024-02-29' }, { from: '2024-02', to: '2024-02' }],
  ])('%p → %p', (period, months) => {
    expect(wholeMonths(period)).toEqual(months);
  });
});
