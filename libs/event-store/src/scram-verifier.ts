import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

// PostgreSQL's own default (scram_iterations) for the verifiers it computes.
const ITERATIONS = 4096;

/**
 * The form PostgreSQL stores a SCRAM-SHA-256 password in (RFC 5802, RFC 7677). Setting a role's
 * password to this instead of the password itself keeps the secret out of the SQL the server
 * parses, and so out of its statement log.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16), iterations = ITERATIONS): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
