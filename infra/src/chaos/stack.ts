import { appInstance, appServices } from '../apps';
import { HOST, Ports } from '../layout';
import { restoreServices, type Restored, type Service } from '../service';
import { ChaosPorts } from './chaos-ports';
import { pidOf, resume, type DaemonName } from './daemons';
import { TcpProxy } from './tcp-proxy';

export interface InfraServices {
  readonly postgres: Service;
  readonly temporal: Service;
  readonly kafka: Service;
}

export type AppName = 'worker' | 'relay' | 'municipal-consumer' | 'wellbeing-consumer' | 'api';

/**
 * The chaos stack as the faults see it: the same services `npm start` runs (infra/src/temporal,
 * kafka, postgres, apps), with the apps talking to PostgreSQL and Kafka through TCP proxies the
 * run owns. The proxies are transparent except while F5 slows or cuts them, so every fault runs
 * against one wiring and no fault has to restart the apps.
 */
export class ChaosStack {
  readonly proxies = {
    postgres: new TcpProxy('postgres', HOST, ChaosPorts.postgresProxy, Ports.postgres),
    kafka: new TcpProxy('kafka', HOST, ChaosPorts.kafkaProxy, ChaosPorts.kafkaProxiedListener),
  };

  constructor(
    readonly infra: InfraServices,
    private readonly directEnv: NodeJS.ProcessEnv,
  ) {}

  /** What the apps under test get: the stack's addresses, PostgreSQL and Kafka through the proxies. */
  appEnv(): NodeJS.ProcessEnv {
    const database = new URL(String(this.directEnv['DATABASE_URL']));
    database.port = String(ChaosPorts.postgresProxy);
    return { ...this.directEnv, DATABASE_URL: database.toString(), KAFKA_BROKERS: `${HOST}:${ChaosPorts.kafkaProxy}` };
  }

  apps(env: NodeJS.ProcessEnv = this.appEnv()): Service[] {
    return appServices(env);
  }

  app(name: AppName): Service {
    const service = this.apps().find((app) => app.name === name);
    if (!service) throw new Error(`no app named ${name}`);
    return service;
  }

  /** F7's second relay: the same app, its own pid file, log and health port. */
  standbyRelay(): Service {
    return appInstance('relay', 'relay-standby', ChaosPorts.standbyRelay, { ...this.appEnv(), RELAY_PORT: String(ChaosPorts.standbyRelay) });
  }

  async startProxies(): Promise<void> {
    await Promise.all(Object.values(this.proxies).map((proxy) => proxy.listen()));
  }

  /** Restarts every app on the proxied wiring, so they also run the code under test. */
  async rewireApps(env: NodeJS.ProcessEnv = this.appEnv()): Promise<void> {
    const apps = this.apps(env);
    await Promise.all([...apps, this.standbyRelay()].map((app) => app.stop()));
    for (const app of apps) await app.start();
  }

  /**
   * After a fault, whatever happened: nothing left stopped (SIGCONT), links transparent again,
   * every service that does not answer waited for, and started again if its process is gone.
   * Answers the processes that had died (the fault's own victim is back already by then).
   */
  async restore(): Promise<Restored> {
    for (const name of ['relay', 'relay-standby'] as const satisfies readonly DaemonName[]) {
      const pid = pidOf(name);
      if (pid !== undefined) resume(pid);
    }
    for (const proxy of Object.values(this.proxies)) await proxy.heal();
    return restoreServices([this.infra.postgres, this.infra.temporal, this.infra.kafka, ...this.apps()]);
  }

  /**
   * The end of a run: with `keep`, the apps are restarted talking to PostgreSQL and Kafka
   * directly (the proxies die with this process); otherwise the whole chaos stack stops.
   */
  async shutdown(keep: boolean): Promise<void> {
    await this.standbyRelay().stop();
    if (keep) {
      await this.rewireApps(this.directEnv);
    } else {
      for (const app of this.apps().reverse()) await app.stop();
    }
    await Promise.all(Object.values(this.proxies).map((proxy) => proxy.close()));
    if (!keep) for (const service of [this.infra.kafka, this.infra.temporal, this.infra.postgres]) await service.stop();
  }
}
