import { Topics } from '@polku/contracts';
import { commandLedger } from './command-ledger';
import type { StoredRow } from './expectations';
import { kafkaLedger } from './kafka-ledger';
import type { TopicLog } from './kafka-tap';
import type { SentCommand } from './sent-command';

const PATH = 'path-1';

function consentRow(version: number, scope: string, transactionId: string, commandId?: string): StoredRow {
  return {
    eventId: `e${version}`,
    streamId: PATH,
    streamVersion: version,
    type: 'ConsentRecorded',
    data: { consent: { scope } },
    metadata: commandId ? { commandId } : {},
    recordedAt: '2026-01-01T00:00:00.000Z',
    transactionId,
  };
}

const consent = (key: string, acked: boolean): SentCommand => ({ label: 'record-consent', key, acked, attempts: 1, effect: { type: 'ConsentRecorded', streamId: PATH, scope: `chaos ${key}` } });

describe('commandLedger', () => {
  it('counts an acked command without its effect as lost, and an unanswered one as not', () => {
    const ledger = commandLedger([consent('k1', true), consent('k2', true), consent('k3', false)], [consentRow(1, 'chaos k1', '10')]);
    expect([ledger.acked, ledger.lost, ledger.twice]).toEqual([2, 1, 0]);
    expect(ledger.samples['lost']).toEqual(['k2']);
  });

  it('sees a command applied twice by its effect alone, when its events carry no command id', () => {
    const ledger = commandLedger([consent('k1', false)], [consentRow(1, 'chaos k1', '10'), consentRow(2, 'chaos k1', '11')]);
    expect([ledger.lost, ledger.twice]).toEqual([0, 1]);
    expect(ledger.samples['twice']).toEqual(['k1']);
  });

  it('counts a command applied twice once, whether seen by its effect, its command id or both', () => {
    const rows = [consentRow(1, 'chaos k1', '10', 'idem-1'), consentRow(2, 'chaos k1', '11', 'idem-1'), consentRow(3, 'other', '12', 'idem-2'), consentRow(4, 'other', '13', 'idem-2')];
    const ledger = commandLedger([consent('k1', true)], rows);
    expect(ledger.twice).toBe(2); // k1 by its effect (and idem-1), and idem-2 by its command id alone
    expect(ledger.withCommandId).toBe(4);
  });
});

describe('kafkaLedger', () => {
  const tap = (logs: Record<string, Record<string, string[]>>): { topic: (topic: string) => TopicLog } => ({
    topic: (topic) => new Map(Object.entries(logs[topic] ?? {}).map(([id, offsets]) => [id, new Set(offsets)])),
  });

  it('finds missing deliveries, counts raw duplicates without failing them, and flags a topic an event must not reach', () => {
    const publications = new Map([
      ['a', [Topics.events, Topics.municipal]],
      ['b', [Topics.events]],
    ]);
    const ledger = kafkaLedger(publications, tap({ [Topics.events]: { a: ['0:1', '0:7'], b: ['2:3'] }, [Topics.wellbeing]: { b: ['1:1'] } }));
    expect([ledger.expected, ledger.missing, ledger.duplicates, ledger.unexpected]).toEqual([3, 1, 1, 1]);
    expect(ledger.samples['kafkaMissing']).toEqual([`${Topics.municipal} a`]);
    expect(ledger.samples['kafkaUnexpected']).toEqual([`${Topics.wellbeing} b`]);
  });
});
