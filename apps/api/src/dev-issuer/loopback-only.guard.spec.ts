import { isLocalCaller, isLoopback } from './loopback-only.guard';

describe('the dev issuer’s loopback check', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('takes %s as this machine', (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '::', '0.0.0.0', '128.0.0.1', '1127.0.0.1', undefined])('refuses %s', (address) => {
    expect(isLoopback(address)).toBe(false);
  });

  it('refuses a loopback socket that carries a proxy’s forwarding header', () => {
    const local = { socket: { remoteAddress: '127.0.0.1' } };
    expect(isLocalCaller({ ...local, headers: {} })).toBe(true);
    for (const header of ['forwarded', 'x-forwarded-for', 'x-real-ip']) {
      expect([header, isLocalCaller({ ...local, headers: { [header]: '203.0.113.9' } })]).toEqual([header, false]);
    }
  });

  it('never trusts a header that claims loopback for a remote socket', () => {
    expect(isLocalCaller({ socket: { remoteAddress: '203.0.113.9' }, headers: { 'x-forwarded-for': '127.0.0.1' } })).toBe(false);
  });
});
