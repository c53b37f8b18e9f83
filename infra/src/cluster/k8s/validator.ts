import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../../layout';
import { say, withHeartbeat } from '../../log';
import { copyJars } from '../../maven';
import { which } from '../../net';
import { runLogged } from '../../process';

/** kubeconform, built from the Go module proxy; the schemas from PyPI and Maven Central. */
const KUBECONFORM_VERSION = 'v0.7.0';
const KUBERNETES_VALIDATE_VERSION = '1.37.0';
/** The Kubernetes API the manifests are written for (kubernetes-validate ships 1.25 … 1.37). */
export const KUBERNETES_VERSION = '1.33.0';
const STRIMZI_API_VERSION = '0.45.0';

const KUBECONFORM_DIR = join(CACHE, `kubeconform-${KUBECONFORM_VERSION}`);
const K8S_SCHEMAS = join(CACHE, `kubernetes-validate-${KUBERNETES_VALIDATE_VERSION}`);
const STRIMZI_DIR = join(CACHE, `strimzi-schemas-${STRIMZI_API_VERSION}`);

export const Validator = {
  kubeconform: join(KUBECONFORM_DIR, 'bin', 'kubeconform'),
  kubernetesSchemas: join(K8S_SCHEMAS, 'schemas'),
  strimziSchemas: join(STRIMZI_DIR, 'schemas'),
} as const;

const done = (dir: string): string => join(dir, '.complete');
const mark = (dir: string): void => writeFileSync(done(dir), `${new Date().toISOString()}\n`);

async function installKubeconform(): Promise<void> {
  if (existsSync(done(KUBECONFORM_DIR))) return;
  if (!which('go')) throw new Error('Go is needed to build kubeconform the first time (go install from the Go module proxy)');
  say(`building kubeconform ${KUBECONFORM_VERSION} with go install (first time only)…`);
  mkdirSync(join(KUBECONFORM_DIR, 'bin'), { recursive: true });
  await withHeartbeat('go install kubeconform', runLogged('go', ['install', `github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}`], 'kubeconform-install', { env: { ...process.env, GOBIN: join(KUBECONFORM_DIR, 'bin') } }));
  mark(KUBECONFORM_DIR);
}

/**
 * The Kubernetes JSON Schemas that the PyPI package kubernetes-validate ships. Its refs point
 * at an absolute `/api/_definitions.json` and each schema names an https `$id`; written here
 * relative to their folder, so kubeconform resolves them from disk.
 */
async function installKubernetesSchemas(): Promise<void> {
  if (existsSync(done(K8S_SCHEMAS))) return;
  say(`fetching the Kubernetes ${KUBERNETES_VERSION} JSON Schemas (PyPI kubernetes-validate ${KUBERNETES_VALIDATE_VERSION}, first time only)…`);
  rmSync(K8S_SCHEMAS, { recursive: true, force: true });
  const download = join(K8S_SCHEMAS, 'download');
  await runLogged('python3', ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', '-d', download, `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`], 'kubernetes-validate');
  const wheel = readdirSync(download).find((file) => file.endsWith('.whl'));
  if (!wheel) throw new Error('pip download brought no kubernetes-validate wheel');
  execFileSync('python3', ['-m', 'zipfile', '-e', join(download, wheel), join(K8S_SCHEMAS, 'wheel')]);
  const from = join(K8S_SCHEMAS, 'wheel', 'kubernetes_validate', 'kubernetes-json-schema', `v${KUBERNETES_VERSION}-local-strict`);
  const to = join(Validator.kubernetesSchemas, `v${KUBERNETES_VERSION}-local-strict`);
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((name) => name.endsWith('.json'))) {
    const { $id: _id, ...schema } = JSON.parse(readFileSync(join(from, file), 'utf8').replaceAll('"/api/_definitions.json', '"_definitions.json')) as Record<string, unknown>;
    writeFileSync(join(to, file), JSON.stringify(schema));
  }
  rmSync(join(K8S_SCHEMAS, 'wheel'), { recursive: true, force: true });
  mark(K8S_SCHEMAS);
}

/** Strimzi's schemas, generated from its API model on Maven Central (strimzi-schema/StrimziSchemas.java). */
async function installStrimziSchemas(): Promise<void> {
  if (existsSync(done(STRIMZI_DIR))) return;
  const libs = join(STRIMZI_DIR, 'libs');
  await copyJars(join(__dirname, 'strimzi-schema', 'pom.xml'), libs, `Strimzi API ${STRIMZI_API_VERSION}`);
  say('generating the Strimzi JSON Schemas from its API model (first time only)…');
  await runLogged('java', ['-cp', `${libs}/*`, join(__dirname, 'strimzi-schema', 'StrimziSchemas.java'), Validator.strimziSchemas], 'strimzi-schemas');
  mark(STRIMZI_DIR);
}

/** Everything the manifest check needs, built or fetched once into the shared cache. */
export async function installManifestValidator(): Promise<void> {
  await Promise.all([installKubeconform(), installKubernetesSchemas(), installStrimziSchemas()]);
}

export interface Verdict {
  readonly filename: string;
  readonly kind: string;
  readonly name: string;
  readonly status: string;
  readonly msg: string;
}

/** kubeconform, strict (no field a schema does not name), each file against Kubernetes' or Strimzi's schema. */
export function validateManifests(files: readonly string[]): Verdict[] {
  const args = [
    '-strict',
    '-verbose',
    '-output', 'json',
    '-kubernetes-version', KUBERNETES_VERSION,
    '-schema-location', `${Validator.kubernetesSchemas}/{{ .NormalizedKubernetesVersion }}-local-strict/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    '-schema-location', `${Validator.strimziSchemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    ...files,
  ];
  let output: string;
  try {
    output = execFileSync(Validator.kubeconform, args, { encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return (JSON.parse(output) as { resources: Verdict[] }).resources;
}
