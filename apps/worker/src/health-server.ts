import { createServer, type Server } from 'node:http';

/** A tiny `/health` endpoint: 200 while `isHealthy()` holds, 503 otherwise. */
export function startHealthServer(host: string, port: number, isHealthy: () => { ok: boolean; state: string }): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}');
      return;
    }
    const { ok, state } = isHealthy();
    response
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', worker: state }));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
