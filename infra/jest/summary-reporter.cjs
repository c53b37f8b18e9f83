// Appends each jest run's totals to $POLKU_TEST_SUMMARY (one JSON line per project), so
// `npm test` can print one closing line for the whole suite: "tests: N passed, N failed".
const fs = require('node:fs');

class SummaryReporter {
  constructor(globalConfig) {
    this.project = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const file = process.env.POLKU_TEST_SUMMARY;
    if (!file) return;
    const line = {
      project: this.project,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

module.exports = SummaryReporter;
