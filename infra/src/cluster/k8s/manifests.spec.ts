import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import { ROOT } from '../../layout';
import { dynamicConfigFile } from '../temporal/dynamic-config';
import { aclTable, PRINCIPAL_USERS } from './acl-table';
import { generatedFiles, isManifest } from './manifests';
import { KAFKA_USERS, strimziDocuments } from './strimzi.manifests';
import { temporalValues } from './temporal.values';
import { Sizing } from './topology';
import { installManifestValidator, validateManifests } from './validator';

/** First run: kubeconform is built and the schemas fetched into .polku/cache (npm test's install phase does it before). */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

type Tuple = readonly [string, string, string, string, string];

/** kafkajs's enums are plain objects: a value's name. */
const nameOf = (values: object, value: number): string => Object.entries(values).find(([, candidate]) => candidate === value)?.[0] ?? `?${value}`;

/** The table's entries as (user, resource type, name, pattern, operation) in kafkajs's names. */
function tableTuples(table: readonly AclEntry[]): string[] {
  return table
    .map((entry) => {
      const cluster = entry.resourceType === AclResourceTypes.CLUSTER;
      const tuple: Tuple = [entry.principal, nameOf(AclResourceTypes, entry.resourceType), cluster ? 'kafka-cluster' : entry.resourceName, cluster ? 'LITERAL' : nameOf(ResourcePatternTypes, entry.resourcePatternType), nameOf(AclOperationTypes, entry.operation)];
      return JSON.stringify(tuple);
    })
    .sort();
}

interface UserDoc {
  metadata: { name: string };
  spec: { authorization: { acls: { resource: { type: string; name?: string; patternType?: string }; operations: string[] }[] } };
}

/** The generated KafkaUsers read back into the same tuples (Strimzi names mapped to kafkajs's). */
function userTuples(users: readonly UserDoc[]): string[] {
  const pattern: Record<string, string> = { literal: 'LITERAL', prefix: 'PREFIXED' };
  const operation = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return users
    .flatMap((user) =>
      user.spec.authorization.acls.flatMap(({ resource, operations }) =>
        operations.map((op): Tuple => [`User:${user.metadata.name}`, resource.type.toUpperCase(), resource.name ?? 'kafka-cluster', resource.patternType ? (pattern[resource.patternType] ?? '?') : 'LITERAL', operation(op)]),
      ),
    )
    .map((tuple) => JSON.stringify(tuple))
    .sort();
}

describe('infra/k8s: generated, valid, and equal to the tables they come from', () => {
  let table: AclEntry[];
  let files: Map<string, string>;

  beforeAll(async () => {
    table = await aclTable();
    files = generatedFiles(table);
    await installManifestValidator();
  }, INSTALL_TIMEOUT_MS);

  it('has every generated file committed as the generator writes it', () => {
    for (const [path, text] of files) expect({ path, text: readFileSync(join(ROOT, path), 'utf8') }).toEqual({ path, text });
  });

  it('validates every manifest against the Kubernetes 1.33 and Strimzi schemas, strictly (kubeconform)', () => {
    const manifests = [...files.keys()].filter(isManifest).map((path) => join(ROOT, path));
    const verdicts = validateManifests(manifests);
    const documents = [...files].filter(([path]) => isManifest(path)).reduce((sum, [, text]) => sum + text.split('\n---\n').length, 0);
    expect(verdicts.filter((verdict) => verdict.status !== 'statusValid')).toEqual([]);
    expect(verdicts).toHaveLength(documents);
    expect(new Set(verdicts.map((verdict) => verdict.kind))).toEqual(new Set(['Namespace', 'ConfigMap', 'NetworkPolicy', 'Secret', 'Deployment', 'Service', 'PodDisruptionBudget', 'KafkaUser', 'KafkaNodePool', 'Kafka', 'KafkaTopic']));
  });

  it('refuses a misspelt field and an unknown ACL operation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-k8s-'));
    const users = files.get('infra/k8s/polku/30-kafka-users.yaml') ?? '';
    writeFileSync(join(dir, 'field.yaml'), users.replace('  authorization:', '  authorisation: {}\n  authorization:'));
    writeFileSync(join(dir, 'operation.yaml'), users.replace('- Write', '- Wrte'));
    const verdicts = validateManifests([join(dir, 'field.yaml'), join(dir, 'operation.yaml')]);
    // Each file has one user changed (its first).
    expect(verdicts.filter((verdict) => verdict.filename.endsWith('field.yaml') && verdict.status === 'statusInvalid')).toHaveLength(1);
    expect(verdicts.filter((verdict) => verdict.filename.endsWith('operation.yaml') && verdict.status === 'statusInvalid')).toHaveLength(1);
  });

  it('gives the Kafka users exactly the ACLs of libs/kafka/src/acls.ts', () => {
    const users = strimziDocuments(table).users as unknown as UserDoc[];
    expect(users.map((user) => user.metadata.name)).toEqual(KAFKA_USERS.map((principal) => PRINCIPAL_USERS[principal]));
    expect(userTuples(users)).toEqual(tableTuples(table));
    expect(table.length).toBeGreaterThan(KAFKA_USERS.length);
  });

  it('carries no development default: no dev passwords, no local-dev switch, no dev issuer, no loopback address', () => {
    for (const [path, text] of files) {
      if (!path.startsWith('infra/k8s/')) continue;
      expect({ path, found: text.match(/polku-[a-z-]+-dev|POLKU_LOCAL_DEV|AUTH_DEV_ISSUER|127\.0\.0\.1|localhost|password: [^\s{]/g) }).toEqual({ path, found: null });
    }
  });

  it('sizes Temporal as docs/capacity.md says and runs the local cluster’s dynamic config', () => {
    const values = temporalValues() as { server: { config: { persistence: { numHistoryShards: number } }; dynamicConfig: unknown } };
    expect(values.server.config.persistence.numHistoryShards).toBe(Sizing.historyShards);
    expect(values.server.dynamicConfig).toEqual(dynamicConfigFile());
    expect(readFileSync(join(ROOT, 'docs', 'capacity.md'), 'utf8')).toContain(`${Sizing.historyShards} history shards`);
  });
});
