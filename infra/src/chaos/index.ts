export { runChaosChild, type ChaosChildRun } from './child';
export { CHAOS_CHILD_FLAG, LEDGER_FILE } from './chaos-stack-env';
export { assertChaosStack, enableProxiedKafkaListener } from './chaos-ports';
export { parseChaosArgs } from './profile';
export { chaosSummary, chaosTotals, faultLines, ledgerTable, type ChaosLedgerFile } from './report';
export { chaosTestPhase, type ChaosTestRun } from './test-phase';
export { runChaos, stopChaosStack } from './runner';
