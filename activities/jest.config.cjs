module.exports = { ...require('../jest.preset.cjs'), displayName: 'activities', rootDir: __dirname };
