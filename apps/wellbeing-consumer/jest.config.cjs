module.exports = { ...require('../../jest.preset.cjs'), displayName: 'wellbeing-consumer', rootDir: __dirname };
