import type { KafkaPrincipal } from '@polku/config';
import { deadLetterTopicOf, Topics, type TopicName } from '@polku/contracts';
import {
  AclOperationTypes as Operation,
  AclPermissionTypes,
  AclResourceTypes as Resource,
  ResourcePatternTypes as Pattern,
  type Admin,
  type AclEntry,
  type Kafka,
} from 'kafkajs';
import { withAdmin } from './admin';

/**
 * Each principal's consumers use group ids starting with its prefix; no other group is theirs.
 * The relay consumes only in `npm run dlq:replay`, which reads the dead-letter topics.
 */
export const CONSUMER_GROUP_PREFIXES = {
  municipal: 'polku-municipal-consumer',
  wellbeing: 'polku-wellbeing-consumer',
  relay: 'polku-relay-dlq-replay',
} as const;

/** The principals that have ACLs; `admin` is a super user and needs none. */
export type AclPrincipal = Exclude<KafkaPrincipal, 'admin'>;

/** The SCRAM user name of each principal (from configuration, so renames follow). */
export type AclUsers = Readonly<Record<AclPrincipal, string>>;

interface Grant {
  readonly principal: AclPrincipal;
  readonly resourceType: Resource;
  readonly resourceName: string;
  readonly pattern: Pattern;
  readonly operations: readonly Operation[];
}

const CLUSTER = 'kafka-cluster';

function topicGrant(principal: AclPrincipal, topic: string, operations: readonly Operation[]): Grant {
  return { principal, resourceType: Resource.TOPIC, resourceName: topic, pattern: Pattern.LITERAL, operations };
}

function groupGrant(principal: keyof typeof CONSUMER_GROUP_PREFIXES): Grant {
  return { principal, resourceType: Resource.GROUP, resourceName: CONSUMER_GROUP_PREFIXES[principal], pattern: Pattern.PREFIXED, operations: [Operation.READ] };
}

/** An agency reads its own audience topic in its own groups and parks poison messages in its DLQ. */
function consumerGrants(principal: 'municipal' | 'wellbeing', topic: TopicName): Grant[] {
  return [
    topicGrant(principal, topic, [Operation.READ, Operation.DESCRIBE]),
    topicGrant(principal, deadLetterTopicOf(topic), [Operation.WRITE, Operation.DESCRIBE]),
    groupGrant(principal),
  ];
}

/**
 * The relay writes every audience topic and its DLQ, and reads the DLQs back to replay them
 * (`npm run dlq:replay`): what is parked there are its own messages, and a consumer's dead
 * letter goes back only onto the audience topic it came from.
 */
function relayGrants(topic: TopicName): Grant[] {
  return [topicGrant('relay', topic, [Operation.WRITE, Operation.DESCRIBE]), topicGrant('relay', deadLetterTopicOf(topic), [Operation.WRITE, Operation.READ, Operation.DESCRIBE])];
}

/**
 * The API talks to Kafka only for its health check: it may see that the cluster and the
 * audience topics are there, and neither read nor write a message.
 */
function apiGrants(): Grant[] {
  return [
    { principal: 'api', resourceType: Resource.CLUSTER, resourceName: CLUSTER, pattern: Pattern.LITERAL, operations: [Operation.DESCRIBE] },
    ...Object.values(Topics).map((topic) => topicGrant('api', topic, [Operation.DESCRIBE])),
  ];
}

/**
 * Everything anyone but the admin may do on the broker; anything not granted here is denied
 * (the authorizer has no allow-if-no-ACL fallback). Only the relay writes the audience topics.
 */
const GRANTS: readonly Grant[] = [
  ...Object.values(Topics).flatMap(relayGrants),
  groupGrant('relay'),
  { principal: 'relay', resourceType: Resource.CLUSTER, resourceName: CLUSTER, pattern: Pattern.LITERAL, operations: [Operation.IDEMPOTENT_WRITE] },
  ...consumerGrants('municipal', Topics.municipal),
  ...consumerGrants('wellbeing', Topics.wellbeing),
  ...apiGrants(),
];

/** The grants as the broker's ACL entries for the given user names. */
function aclEntries(users: AclUsers): AclEntry[] {
  return GRANTS.flatMap((grant) =>
    grant.operations.map((operation) => ({
      resourceType: grant.resourceType,
      resourceName: grant.resourceName,
      resourcePatternType: grant.pattern,
      principal: `User:${users[grant.principal]}`,
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

export interface AclChanges {
  readonly created: number;
  readonly deleted: number;
}

/**
 * Makes the broker's ACLs for these principals exactly `GRANTS`: creates what is missing and
 * deletes what is no longer granted, so a grant removed from the table is revoked at the next
 * start. Needs a client authenticated as a super user. Safe to run at every start.
 */
export async function ensureAcls(kafka: Kafka, users: AclUsers): Promise<AclChanges> {
  const wanted = aclEntries(users);
  return withAdmin(kafka, async (admin) => {
    const present = await presentAcls(admin, Object.values(users));
    const wantedKeys = new Set(wanted.map(keyOf));
    const missing = wanted.filter((entry) => !present.has(keyOf(entry)));
    const revoked = [...present.values()].filter((entry) => !wantedKeys.has(keyOf(entry)));
    if (missing.length > 0) await admin.createAcls({ acl: missing });
    if (revoked.length > 0) await admin.deleteAcls({ filters: revoked });
    return { created: missing.length, deleted: revoked.length };
  });
}

async function presentAcls(admin: Admin, usernames: readonly string[]): Promise<Map<string, AclEntry>> {
  const present = new Map<string, AclEntry>();
  for (const username of usernames) {
    const { resources } = await admin.describeAcls({
      resourceType: Resource.ANY,
      resourcePatternType: Pattern.ANY,
      principal: `User:${username}`,
      operation: Operation.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    for (const { acls, ...resource } of resources) {
      for (const acl of acls) present.set(keyOf({ ...resource, ...acl }), { ...resource, ...acl });
    }
  }
  return present;
}

function keyOf(entry: AclEntry): string {
  const { resourceType, resourceName, resourcePatternType, principal, host, operation, permissionType } = entry;
  return JSON.stringify([resourceType, resourceName, resourcePatternType, principal, host, operation, permissionType]);
}
