import { createHash, createHmac } from 'node:crypto';
import { scramSha256Verifier } from './scram-verifier';

/** RFC 7677 §3: user "user", password "pencil", the exchange's messages, proof and server signature. */
const RFC = {
  salt: 'W22ZaJ0SNY7soEsUEjb6gQ==',
  authMessage:
    'n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  clientProof: 'dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverSignature: '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

function parts(verifier: string): { iterations: number; salt: string; storedKey: Buffer; serverKey: Buffer } {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!match) throw new Error(`not a SCRAM-SHA-256 verifier: ${verifier}`);
  const [, iterations, salt, storedKey, serverKey] = match as unknown as [string, string, string, string, string];
  return { iterations: Number(iterations), salt, storedKey: Buffer.from(storedKey, 'base64'), serverKey: Buffer.from(serverKey, 'base64') };
}

describe('scramSha256Verifier', () => {
  const verifier = parts(scramSha256Verifier('pencil', Buffer.from(RFC.salt, 'base64'), 4096));

  it('holds the keys the RFC 7677 exchange was signed with', () => {
    expect([verifier.iterations, verifier.salt]).toEqual([4096, RFC.salt]);
    expect(createHmac('sha256', verifier.serverKey).update(RFC.authMessage).digest('base64')).toBe(RFC.serverSignature);
    const clientSignature = createHmac('sha256', verifier.storedKey).update(RFC.authMessage).digest();
    const clientKey = Buffer.from(RFC.clientProof, 'base64').map((byte, i) => byte ^ (clientSignature[i] ?? 0));
    expect(createHash('sha256').update(clientKey).digest().equals(verifier.storedKey)).toBe(true);
  });

  it('salts every verifier afresh and never contains the password', () => {
    const [first, second] = [scramSha256Verifier('polku-api-dev'), scramSha256Verifier('polku-api-dev')];
    expect(first).not.toBe(second);
    expect(first).not.toContain('polku-api-dev');
  });
});
