// The console's pure logic (dictionaries, routes, request and body mapping, field tables) runs
// under node; the .tsx files that touch the DOM are checked by `typecheck` and the browser e2e.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'console', rootDir: __dirname };
