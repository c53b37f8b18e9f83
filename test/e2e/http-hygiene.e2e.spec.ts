import { API, call, devToken } from '../support/staff-api';

/** What every answer of the running API carries, and how it answers a method a route does not take. */
describe('HTTP hygiene of the staff API', () => {
  let token: string;

  beforeAll(async () => {
    token = await devToken({ userId: 'coach.hygiene', role: 'coach', employmentArea: 'Polku e2e hygiene' });
  });

  it('sends security headers everywhere and no-store on answers that can hold personal data', async () => {
    const list = await call('GET', '/paths', { token });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${API}/`);
    for (const answer of [list.headers, page.headers]) {
      expect(answer.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.get('x-content-type-options')).toBe('nosniff');
      expect(answer.get('referrer-policy')).toBe('no-referrer');
    }
    expect(list.headers.get('strict-transport-security')).toBeNull(); // plain HTTP on loopback: no HSTS
  });

  it('answers a method a route does not take with 405 and Allow', async () => {
    const traced = await call<{ code: string }>('DELETE', '/paths', { token }); // fetch refuses TRACE itself; the fuzz sends it
    expect([traced.status, traced.body.code, traced.headers.get('allow')]).toEqual([405, 'HTTP.METHOD_NOT_ALLOWED', 'GET, HEAD, POST']);
    const unknown = await call<{ code: string }>('GET', '/no-such-route', { token });
    expect(unknown.status).toBe(404);
  });
});
