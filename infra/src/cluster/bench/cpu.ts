import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { DATA, RUN } from '../../layout';

/** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** Busy and total ticks of the whole machine, from /proc/stat's first line. */
function machineTicks(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** The cluster's processes by role: pid files of its daemons, and PostgreSQL's backends (children of the postmaster). */
function clusterPids(): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (group: string, pid: number): void => void groups.set(group, [...(groups.get(group) ?? []), pid]);
  for (const file of existsSync(RUN) ? readdirSync(RUN).filter((name) => name.endsWith('.pid')) : []) {
    const name = file.slice(0, -'.pid'.length);
    add(name.replace(/-\d$/, ''), Number(readFileSync(join(RUN, file), 'utf8').trim()));
  }
  const postmaster = join(DATA, 'postgres', 'postmaster.pid');
  if (existsSync(postmaster)) {
    const parent = Number(readFileSync(postmaster, 'utf8').split('\n')[0]);
    add('postgres', parent);
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const stat = (() => {
        try {
          return readFileSync(`/proc/${entry}/stat`, 'utf8');
        } catch {
          return '';
        }
      })();
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) add('postgres', Number(entry));
    }
  }
  return groups;
}

export interface CpuUse {
  /** The whole machine's busy share, 0–100 % of all its cores. */
  readonly machinePercent: number;
  readonly cores: number;
  /** The cluster's busiest roles, in % of one core. */
  readonly top: readonly { readonly role: string; readonly percentOfCore: number }[];
}

/** Starts measuring; the returned function ends the window and answers the CPU used in it. */
export function measureCpu(): () => CpuUse {
  const pids = clusterPids();
  const machine = machineTicks();
  const before = new Map([...pids].map(([role, list]) => [role, list.reduce((sum, pid) => sum + processTicks(pid), 0)]));
  const begun = Date.now();
  return () => {
    const seconds = (Date.now() - begun) / 1000;
    const now = machineTicks();
    const top = [...pids]
      .map(([role, list]) => ({ role, percentOfCore: (100 * (list.reduce((sum, pid) => sum + processTicks(pid), 0) - (before.get(role) ?? 0))) / TICKS_PER_SECOND / Math.max(seconds, 0.001) }))
      .sort((a, b) => b.percentOfCore - a.percentOfCore)
      .slice(0, 4);
    return { machinePercent: (100 * (now.busy - machine.busy)) / Math.max(1, now.total - machine.total), cores: cpus().length, top };
  };
}
