import type { AddressInfo } from 'node:net';
import { startHealthServer } from './health-server';

describe('worker health server', () => {
  it('answers 200 while healthy, 503 when not, 404 elsewhere', async () => {
    let state = { ok: true, state: 'RUNNING' };
    const server = await startHealthServer('127.0.0.1', 0, () => state);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const healthy = await fetch(`${base}/health`);
      expect([healthy.status, await healthy.json()]).toEqual([200, { status: 'ok', worker: 'RUNNING' }]);
      state = { ok: false, state: 'DRAINING' };
      const draining = await fetch(`${base}/health`);
      expect([draining.status, await draining.json()]).toEqual([503, { status: 'unavailable', worker: 'DRAINING' }]);
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
