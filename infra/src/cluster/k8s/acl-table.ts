import { ensureAcls, type AclPrincipal, type AclUsers } from '@polku/kafka';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry, type Kafka } from 'kafkajs';

/** In a deployment each principal's SCRAM user is named after it (a KafkaUser each). */
export const PRINCIPAL_USERS: AclUsers = { relay: 'relay', municipal: 'municipal', wellbeing: 'wellbeing', api: 'api' };

/**
 * libs/kafka's ACL table, read through its one public door: `ensureAcls` against a broker that
 * has no ACLs yet creates exactly the table. A recording stand-in for the admin client catches
 * what it creates, so the Strimzi users are generated from the table the brokers get.
 */
export async function aclTable(users: AclUsers = PRINCIPAL_USERS): Promise<AclEntry[]> {
  const created: AclEntry[] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    describeAcls: async () => ({ resources: [] }),
    createAcls: async ({ acl }: { acl: AclEntry[] }) => void created.push(...acl),
    deleteAcls: async () => undefined,
  };
  await ensureAcls({ admin: () => admin } as unknown as Kafka, users);
  return created;
}

export interface StrimziAcl {
  readonly resource: { readonly type: 'topic' | 'group' | 'cluster'; readonly name?: string; readonly patternType?: 'literal' | 'prefix' };
  readonly operations: readonly string[];
  readonly host: '*';
}

const RESOURCE: Partial<Record<AclResourceTypes, StrimziAcl['resource']['type']>> = { [AclResourceTypes.TOPIC]: 'topic', [AclResourceTypes.GROUP]: 'group', [AclResourceTypes.CLUSTER]: 'cluster' };
const PATTERN: Partial<Record<ResourcePatternTypes, 'literal' | 'prefix'>> = { [ResourcePatternTypes.LITERAL]: 'literal', [ResourcePatternTypes.PREFIXED]: 'prefix' };
const OPERATION: Partial<Record<AclOperationTypes, string>> = {
  [AclOperationTypes.READ]: 'Read',
  [AclOperationTypes.WRITE]: 'Write',
  [AclOperationTypes.DESCRIBE]: 'Describe',
  [AclOperationTypes.IDEMPOTENT_WRITE]: 'IdempotentWrite',
  [AclOperationTypes.CREATE]: 'Create',
  [AclOperationTypes.DELETE]: 'Delete',
  [AclOperationTypes.ALTER]: 'Alter',
};

function named<T>(table: Partial<Record<number, T>>, value: number, what: string): T {
  const found = table[value];
  if (found === undefined) throw new Error(`no Strimzi name for ${what} ${value}`);
  return found;
}

function resourceOf(entry: AclEntry): StrimziAcl['resource'] {
  const type = named(RESOURCE, entry.resourceType, 'resource type');
  // Strimzi names the cluster resource implicitly (kafka-cluster).
  return type === 'cluster' ? { type } : { type, name: entry.resourceName, patternType: named(PATTERN, entry.resourcePatternType, 'pattern type') };
}

/** One principal's entries as Strimzi ACL rules: one rule per resource, its operations in table order. */
export function strimziAcls(entries: readonly AclEntry[], principal: AclPrincipal, users: AclUsers = PRINCIPAL_USERS): StrimziAcl[] {
  const rules = new Map<string, { resource: StrimziAcl['resource']; operations: string[] }>();
  for (const entry of entries.filter((candidate) => candidate.principal === `User:${users[principal]}`)) {
    const resource = resourceOf(entry);
    const key = JSON.stringify(resource);
    const rule = rules.get(key) ?? { resource, operations: [] };
    rule.operations.push(named(OPERATION, entry.operation, 'operation'));
    rules.set(key, rule);
  }
  return [...rules.values()].map(({ resource, operations }) => ({ resource, operations, host: '*' }));
}
