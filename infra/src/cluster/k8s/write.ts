import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../layout';
import { print } from '../../log';
import { aclTable } from './acl-table';
import { generatedFiles } from './manifests';

/** `bash infra/polku run infra/src/cluster/k8s/write.ts`: writes every generated manifest. */
async function main(): Promise<void> {
  for (const [path, text] of generatedFiles(await aclTable())) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
    print(`wrote ${path}`);
  }
}

void main();
