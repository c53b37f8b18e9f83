/* eslint-disable no-console -- a benchmark prints to a terminal */
import { parseOptions } from './suite/options';
import { runSuite } from './suite/run';

/**
 * `npm run bench [-- --smoke --only=B1,B3 --storm=N --open=N …]` (bench/suite/options.ts,
 * docs/benchmarks.md): every benchmark against a raw baseline measured on the same services in
 * the same run, in a database, namespace and topics of the run's own; writes
 * bench/results/<timestamp>.json and .md and prints the table.
 */
runSuite(parseOptions(process.argv.slice(2))).then(
  (outcome) => process.exit(outcome.code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
