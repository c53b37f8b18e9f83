import type { Check } from './fault';
import type { Ledger } from './ledger';
import type { Settled } from './settle';
import type { StuckCheck } from './stuck';

const SHOWN = 3;

function sample(ledger: Ledger, ...names: string[]): string {
  const ids = names.flatMap((name) => ledger.samples[name] ?? []).slice(0, SHOWN);
  return ids.length > 0 ? ` (e.g. ${ids.join('; ')})` : '';
}

/** The issue's ledger, one check each: what a fault's verdict (and npm test's count) is made of. */
export function ledgerChecks(ledger: Ledger, settled: Settled, stuck: StuckCheck): Check[] {
  const { commands, kafka, unapplied, items } = ledger;
  return [
    {
      name: 'every kind of command was acknowledged',
      passed: Object.values(commands.byKind).every((kind) => kind.acked > 0) && commands.acked > 0,
      detail: Object.entries(commands.byKind).map(([kind, { sent, acked }]) => `${kind} ${acked}/${sent}`).join(', '),
    },
    { name: 'every acked command is in the store', passed: commands.lost === 0, detail: `${commands.lost} lost${sample(ledger, 'lost')}` },
    { name: 'no command applied twice', passed: commands.twice === 0, detail: `${commands.twice} applied twice${sample(ledger, 'twice')}` },
    {
      name: 'every event on its topics exactly once after dedup',
      passed: kafka.missing === 0 && kafka.unexpected === 0,
      detail: `${kafka.missing} of ${kafka.expected} missing, ${kafka.unexpected} on a topic not theirs, ${kafka.duplicates} raw duplicates${sample(ledger, 'kafkaMissing', 'kafkaUnexpected')}`,
    },
    {
      name: 'consumers and projections applied every event',
      passed: unapplied.municipal + unapplied.wellbeing + unapplied.projections + unapplied.projectionsBehind === 0,
      detail: `municipal ${unapplied.municipal}, wellbeing ${unapplied.wellbeing} not applied; projections: ${unapplied.projections} paths skipped, ${unapplied.projectionsBehind} events behind${sample(ledger, 'municipal', 'wellbeing', 'projections')}`,
    },
    { name: 'every due item fired exactly once', passed: items.unfired + items.firedTwice === 0, detail: `${items.due} due, ${items.fired} fired, ${items.unfired} not fired, ${items.firedTwice} fired twice${sample(ledger, 'unfired')}` },
    { name: 'every firing has its staff notification', passed: items.unnotified === 0, detail: `${items.unnotified} without${sample(ledger, 'unnotified')}` },
    { name: 'no stuck path', passed: stuck.stuck.length === 0, detail: `${stuck.stuck.length} of ${stuck.checked} stuck${stuck.stuck.length > 0 ? ` (e.g. ${stuck.stuck.slice(0, SHOWN).join('; ')})` : ''}` },
    { name: 'ledger balanced before the deadline', passed: settled.balancedAt !== undefined },
  ];
}
