import type { CommandLoadPlan } from '../../../chaos/load';
import type { ClusterLoad } from '../context';
import type { SuiteProfile } from '../profile';

export function apiLoad(profile: SuiteProfile): CommandLoadPlan {
  return { paths: profile.apiPaths, commands: profile.commands, concurrency: profile.commandConcurrency, spreadMs: profile.loadSpreadMs };
}

export function stormAndCommands(profile: SuiteProfile): ClusterLoad {
  return { stormPaths: profile.stormPaths, api: apiLoad(profile) };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
