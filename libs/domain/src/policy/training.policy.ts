import { FI_POLICY_VERSIONS } from './fi-default.policy';
import type { PolicyVersion } from './policy.types';

const CURRENT = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1] as PolicyVersion;

/**
 * The policy of a training area (staff practise on made-up clients, demos, browser tests): the
 * current rules, but the initial interview falls due in a minute, so its reminder, the missed
 * deadline and the escalation can be seen happen while someone watches.
 */
export const TRAINING_POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    ...CURRENT,
    id: 'TRAINING-1',
    validFrom: '2000-01-01',
    rules: {
      ...CURRENT.rules,
      'INIT-INTERVIEW': { deadline: { after: { seconds: 60 } }, onDeadline: 'MISSED', reminders: [{ seconds: -50 }], escalation: { from: 'DEADLINE', offset: { seconds: 30 }, to: 'TEAM_LEAD' } },
    },
  },
];
