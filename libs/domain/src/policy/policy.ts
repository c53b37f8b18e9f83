import { compareLocalDate, type LocalDate } from '../calendar';
import { FI_POLICY_VERSIONS } from './fi-default.policy';
import type { PolicyVersion } from './policy.types';

/** The policy version in force on `date`; the earliest one for dates before any version. */
export function policyInForce(date: LocalDate, versions: readonly PolicyVersion[] = FI_POLICY_VERSIONS): PolicyVersion {
  const inForce = versions.find(
    (version) => compareLocalDate(version.validFrom, date) <= 0 && (version.validTo === undefined || compareLocalDate(date, version.validTo) <= 0),
  );
  const fallback = versions[0];
  if (!inForce && !fallback) throw new Error('policy catalogue is empty');
  return inForce ?? (fallback as PolicyVersion);
}

export function policyById(id: string, versions: readonly PolicyVersion[] = FI_POLICY_VERSIONS): PolicyVersion | undefined {
  return versions.find((version) => version.id === id);
}
