import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TcpProxy } from './tcp-proxy';

const HOST = '127.0.0.1';
const LATENCY_MS = 200;

/** An echo server on a free loopback port. */
async function echoServer(): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined); // the proxy's cut resets this side too
    socket.pipe(socket);
  });
  server.listen(0, HOST);
  await once(server, 'listening');
  return server;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function client(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: HOST, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `text` and resolves with the echo and how long it took. */
async function roundTrip(socket: Socket, text: string): Promise<{ echo: string; ms: number }> {
  const sent = Date.now();
  const received = new Promise<string>((resolve) => {
    let echo = '';
    const onData = (chunk: Buffer): void => {
      echo += chunk.toString();
      if (echo.length >= text.length) {
        socket.off('data', onData);
        resolve(echo);
      }
    };
    socket.on('data', onData);
  });
  socket.write(text);
  return { echo: await received, ms: Date.now() - sent };
}

describe('TcpProxy', () => {
  let upstream: Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    upstream = await echoServer();
    proxy = new TcpProxy('echo', HOST, await freePort(), (upstream.address() as AddressInfo).port);
    await proxy.listen();
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards both ways, and with latency delays each way', async () => {
    const socket = await client(proxy.listenPort);
    expect((await roundTrip(socket, 'plain')).echo).toBe('plain');
    proxy.setLatency(LATENCY_MS);
    const slow = await roundTrip(socket, 'slow');
    expect(slow.echo).toBe('slow');
    expect(slow.ms).toBeGreaterThanOrEqual(2 * LATENCY_MS - 20); // there and back
    proxy.setLatency(0);
    expect((await roundTrip(socket, 'fast again')).ms).toBeLessThan(LATENCY_MS);
    socket.destroy();
  });

  it('cuts open connections with a reset, refuses new ones until healed', async () => {
    const socket = await client(proxy.listenPort);
    const reset = new Promise<string>((resolve) => socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? '')));
    expect(proxy.cutAll()).toBe(1);
    expect(await reset).toBe('ECONNRESET');
    await proxy.refuse();
    await expect(client(proxy.listenPort)).rejects.toThrow(/ECONNREFUSED/);
    await proxy.heal();
    const again = await client(proxy.listenPort);
    expect((await roundTrip(again, 'back')).echo).toBe('back');
    again.destroy();
  });
});
