module.exports = { ...require('../jest.preset.cjs'), displayName: 'infra', rootDir: __dirname, testPathIgnorePatterns: ['/node_modules/', '/.polku/', '/kafka/', '/temporal-test-server/'] };
