module.exports = { ...require('../../jest.preset.cjs'), displayName: 'municipal-consumer', rootDir: __dirname };
