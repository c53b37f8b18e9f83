module.exports = { ...require('../../jest.preset.cjs'), displayName: 'consumer', rootDir: __dirname };
