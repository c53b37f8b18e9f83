import { join } from 'node:path';
import { chaosStackEnv } from './chaos/chaos-stack-env';
import { clusterStackEnv } from './cluster/cluster-env';
import { ROOT } from './layout';
import { secondStackEnv } from './stack-env';

const stack = { home: '/tmp/polku-second', portOffset: 10_000, childFlag: 'POLKU_SECOND_CHILD' };

/**
 * Runs `act` on a fresh copy of `path` as a child started with `env` would: layout.ts reads the
 * environment at import, and the stack assertions read it again when called.
 */
function asChildWith<T extends object>(env: NodeJS.ProcessEnv, path: string, act: (loaded: T) => void): void {
  const saved = process.env;
  process.env = env;
  try {
    jest.isolateModules(() => act(jest.requireActual<T>(path)));
  } finally {
    process.env = saved;
  }
}

describe('secondStackEnv', () => {
  it("points the child at the stack's home, port offset, dev issuer key and the shared tools, and marks it", () => {
    const env = secondStackEnv(stack, { PATH: '/usr/bin', POLKU_HOME: '/elsewhere' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      POLKU_HOME: '/tmp/polku-second',
      POLKU_CACHE: join(ROOT, '.polku', 'cache'),
      POLKU_PORT_OFFSET: '10000',
      AUTH_DEV_ISSUER_KEY_FILE: '/tmp/polku-second/data/dev-issuer/signing-key.json',
      POLKU_SECOND_CHILD: '1',
    });
  });

  it('does not pass on external infra: a second stack starts its own services', () => {
    expect(secondStackEnv(stack, { POLKU_EXTERNAL_INFRA: '1' })).not.toHaveProperty('POLKU_EXTERNAL_INFRA');
  });
});

describe('the stacks built on it', () => {
  type ClusterEnv = typeof import('./cluster/cluster-env');
  type ChaosPorts = typeof import('./chaos/chaos-ports');

  it("starts the cluster's child where assertClusterStack lets it act, and the chaos stack's where it does not", () => {
    asChildWith<ClusterEnv>(clusterStackEnv(), './cluster/cluster-env', ({ assertClusterStack }) => expect(assertClusterStack).not.toThrow());
    asChildWith<ClusterEnv>(chaosStackEnv(), './cluster/cluster-env', ({ assertClusterStack }) => expect(assertClusterStack).toThrow(/only acts on the cluster/));
  });

  it("starts the chaos stack's child where assertChaosStack lets it act, and the cluster's where it does not", () => {
    asChildWith<ChaosPorts>(chaosStackEnv(), './chaos/chaos-ports', ({ assertChaosStack }) => expect(assertChaosStack).not.toThrow());
    asChildWith<ChaosPorts>(clusterStackEnv(), './chaos/chaos-ports', ({ assertChaosStack }) => expect(assertChaosStack).toThrow(/only acts on the chaos stack/));
  });
});
