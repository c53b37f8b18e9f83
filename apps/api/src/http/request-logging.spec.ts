import { loggablePath } from './request-logging';

describe('request paths in the log', () => {
  it('drops the query and masks an identity code typed into the URL', () => {
    expect(loggablePath('/paths/131052-308T?limit=5')).toBe('/paths/[redacted]');
    expect(loggablePath('/paths?coachId=131052-308T')).toBe('/paths');
    expect(loggablePath('/paths/6f1c1f2e-2a7b-4c1e-9d1a-1b2c3d4e5f60/exit')).toBe('/paths/6f1c1f2e-2a7b-4c1e-9d1a-1b2c3d4e5f60/exit');
    expect(loggablePath('/paths/12345678-1234-4678-9123-123456789012')).toBe('/paths/12345678-1234-4678-9123-123456789012');
  });
});
