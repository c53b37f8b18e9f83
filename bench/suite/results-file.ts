import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { SuiteOptions } from './options';
import { detailLines, markdownTable } from './report';
import type { BenchResult } from './result';

export interface SuiteRecord {
  readonly runId: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly profile: SuiteOptions['profile'];
  readonly results: readonly BenchResult[];
  /** Set-up, clean-up and sweep notes. */
  readonly notes: readonly string[];
  readonly verdict: { readonly goals: 'pass' | 'fail'; readonly checks: 'pass' | 'fail' };
}

/** Writes `<timestamp>.json` (everything measured) and `<timestamp>.md` (the table), or `file` and its `.md`; answers the JSON path. */
export function writeResults(where: { readonly dir: string; readonly file?: string }, record: SuiteRecord): string {
  const stamp = record.startedAt.replace(/[:.]/g, '-');
  const base = where.file ? where.file.replace(/\.json$/, '') : join(where.dir, record.profile.name === 'smoke' ? `${stamp}-smoke` : stamp);
  mkdirSync(dirname(base), { recursive: true });
  const machine = { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg().map((l) => Number(l.toFixed(2))), node: process.version, commit: commit() };
  writeFileSync(`${base}.json`, `${JSON.stringify({ ...record, machine }, null, 2)}\n`);
  const md = [
    `# Benchmarks ${record.startedAt} (${record.profile.name})`,
    '',
    `run ${record.runId}, ${record.seconds.toFixed(0)} s; ${machine.cpus} CPUs, load average ${machine.loadAverage.join(' ')} at the end; commit ${machine.commit}`,
    '',
    ...markdownTable(record.results, record.profile),
    '',
    ...detailLines(record.results, record.profile),
    ...record.notes.map((note) => `- ${note}`),
    '',
  ];
  writeFileSync(`${base}.md`, md.join('\n'));
  return `${base}.json`;
}

/** The commit measured, and whether the tree had changes (read-only git). */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}
