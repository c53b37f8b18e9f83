import { HOST, Ports } from '../layout';
import { print, type Phases } from '../log';
import { postgres } from '../postgres';
import { restoreServices, type Restored, type Service } from '../service';
import { migrateDatabase } from '../setup';
import { clusterApps } from './cluster-apps';
import { assertClusterStack } from './cluster-env';
import { startTemporalInWaves, TEMPORAL_SERVICES, type TemporalService } from './cluster-ports';
import { createClusterTopics, kafkaCluster } from './kafka/kafka-cluster';
import { installTemporalCluster } from './temporal/build';
import { ensureNamespace } from './temporal/namespace';
import { ensureTemporalSchema } from './temporal/schema';
import { temporalService } from './temporal/services';
import { temporalUi } from './temporal/ui';

export const temporalServices: Readonly<Record<TemporalService, Service>> = Object.fromEntries(TEMPORAL_SERVICES.map((service) => [service, temporalService(service)])) as Record<TemporalService, Service>;

/** Temporal: schema, the four services (they find each other through the membership table), the namespace. */
async function temporalUp(): Promise<void> {
  await ensureTemporalSchema();
  await startTemporalInWaves((service) => temporalServices[service].start());
  await ensureNamespace();
}

/**
 * The production topology on this machine (`npm run cluster`): Temporal's services on PostgreSQL,
 * three KRaft brokers, two instances of every app. Every step starts only what is not running,
 * so bringing it up again changes nothing.
 */
export class ClusterStack {
  constructor(readonly appEnv: NodeJS.ProcessEnv) {
    assertClusterStack();
  }

  apps(): Service[][] {
    return clusterApps(this.appEnv);
  }

  infra(): Service[] {
    return [postgres, ...Object.values(temporalServices), temporalUi, kafkaCluster];
  }

  async up(phases: Phases): Promise<void> {
    await phases.run('cluster: install (Temporal server, UI, Kafka jars, PostgreSQL)', () => Promise.all([installTemporalCluster(), kafkaCluster.install(), postgres.install()]));
    await phases.run('cluster: PostgreSQL', () => postgres.start());
    await phases.run('cluster: Temporal services and three Kafka brokers', () => Promise.all([temporalUp(), kafkaCluster.start()]));
    await phases.run('cluster: migrate, topics (×3) and ACLs', async () => {
      await migrateDatabase();
      await createClusterTopics();
    });
    await phases.run('cluster: apps (two instances each)', async () => {
      for (const pair of this.apps()) await Promise.all(pair.map((app) => app.start()));
    });
    await phases.run('cluster: Temporal UI', () => temporalUi.start());
  }

  /** After a fault: every service answers again; those whose process had died are started again. */
  restore(): Promise<Restored> {
    return restoreServices([...this.infra(), ...this.apps().flat()]);
  }

  /** Answers the services that were running. */
  async down(): Promise<string[]> {
    const stopped: string[] = [];
    const stop = async (service: Service): Promise<void> => {
      if (await service.stop()) stopped.push(service.name);
    };
    for (const pair of this.apps().reverse()) await Promise.all(pair.map(stop));
    await stop(temporalUi);
    await Promise.all([...Object.values(temporalServices).map(stop), stop(kafkaCluster)]);
    await stop(postgres);
    return stopped;
  }

  /** Each service healthy or not; true when all are. */
  async status(): Promise<boolean> {
    let allUp = true;
    for (const service of [...this.infra(), ...this.apps().flat()]) {
      const up = await service.healthy();
      allUp &&= up;
      print(`${up ? '✔ healthy  ' : '✘ down     '} cluster ${service.name.padEnd(22)} ${service.endpoints.join(', ')}`);
    }
    return allUp;
  }
}

export function printClusterEndpoints(): void {
  const api = `http://${HOST}:${Ports.api}`;
  print('\nThe Polku cluster is running (docs/cluster.md):');
  print(`  API                 ${api} and http://${HOST}:${Ports.api + 1}   (dev token: POST ${api}/dev-issuer/token)`);
  print(`  Temporal UI         http://${HOST}:${Ports.temporalUi}   (frontend gRPC ${HOST}:${Ports.temporal})`);
  print(`  Kafka               ${HOST}:${Ports.kafka},${HOST}:${Ports.kafka + 100},${HOST}:${Ports.kafka + 200}`);
  print(`  PostgreSQL          postgres://polku:***@${HOST}:${Ports.postgres}/polku   (Temporal: temporal, temporal_visibility)`);
  print('Logs: .polku/cluster/logs/   Stop: npm stop (or npm run cluster -- --stop)   Health: npm run status');
}
