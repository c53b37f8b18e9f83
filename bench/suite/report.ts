import type { Profile } from './profiles';
import { type BenchResult, checksPassed, type Goal, passed, type Quantity, type Row } from './result';

/**
 * The results table in markdown: one row per figure (figure, raw baseline, ratio, goal,
 * pass/fail) and one per benchmark for its correctness checks. A smoke run's goals are shown
 * but not judged: its sizes are too small for the ratios to mean anything.
 */
export function markdownTable(results: readonly BenchResult[], profile: Profile): string[] {
  const judged = profile.name === 'full';
  const lines = ['| id | measure | figure | raw baseline | ratio | goal | result |', '|---|---|---|---|---|---|---|'];
  for (const result of results) {
    for (const r of result.rows) lines.push(`| ${result.id} | ${r.measure} | ${quantity(r.figure)} | ${quantity(r.baseline)} | ${r.ratio === undefined ? '—' : `${short(r.ratio)}×`} | ${goalText(r.goal)} | ${judged ? verdict(r) : 'reported'} |`);
    const ok = result.checks.filter((c) => c.ok).length;
    lines.push(`| ${result.id} | correctness | ${ok}/${result.checks.length} checks | — | — | every check | ${checksPassed(result) ? 'pass' : '**FAIL**'} |`);
  }
  return lines;
}

/** Under the table: each benchmark's verdict, failed checks and notes. */
export function detailLines(results: readonly BenchResult[], profile: Profile): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const outcome = profile.name === 'full' ? (passed(result) ? 'pass' : 'FAIL') : checksPassed(result) ? 'checks pass' : 'CHECKS FAIL';
    lines.push(`- **${result.id} ${result.title}** — ${outcome} (${result.seconds.toFixed(0)} s)`);
    for (const c of result.checks) lines.push(`  - ${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`);
    for (const note of result.notes) lines.push(`  - ${note}`);
  }
  return lines;
}

/** One line per benchmark for `npm test`: its checks, then each figure against its baseline. */
export function compactLines(results: readonly BenchResult[]): string[] {
  return results.map((result) => {
    const ok = result.checks.filter((c) => c.ok).length;
    const figures = result.rows.map((r) => {
      const against = r.baseline ? ` vs ${quantity(r.baseline)} raw` : '';
      return `${r.measure} ${quantity(r.figure)}${against}${r.ratio === undefined ? '' : ` (${short(r.ratio)}×)`}`;
    });
    return `  ${checksPassed(result) ? '✔' : '✘'} ${result.id} ${ok}/${result.checks.length} checks${figures.map((f) => ` · ${f}`).join('')}`;
  });
}

function verdict(r: Row): string {
  if (r.pass === undefined) return 'printed';
  return r.pass ? 'pass' : '**FAIL**';
}

function goalText(goal: Goal): string {
  switch (goal.kind) {
    case 'ratio-at-least':
      return `≥ ${goal.min}×`;
    case 'ratio-at-most':
      return `≤ ${goal.max}×`;
    case 'at-most':
      return `≤ ${goal.max} ${goal.unit}`;
    case 'at-least':
      return `≥ ${goal.min}${goal.unit === '×' ? '×' : ` ${goal.unit}`}`;
    case 'printed':
      return '—';
  }
}

export function quantity(q: Quantity | undefined): string {
  if (!q || !Number.isFinite(q.value)) return '—';
  return q.unit === '×' ? `${short(q.value)}×` : `${short(q.value)} ${q.unit}`;
}

/** 243, 71.4, 1.00, 0.0071: two or three significant digits, whatever the size. */
export function short(value: number): string {
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}
