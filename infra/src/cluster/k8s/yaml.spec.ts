import { toYaml } from './yaml';

describe('toYaml', () => {
  it('writes maps, lists and scalars in block style, quoting what YAML would misread', () => {
    const text = toYaml([{ a: 1, b: 'true', c: 'plain text', d: ['x', { e: '08', f: null }], g: [], h: {}, i: 'a: b', j: undefined }], 'generated');
    expect(text).toBe(['# generated', 'a: 1', 'b: "true"', 'c: plain text', 'd:', '  - x', '  - e: "08"', '    f: null', 'g: []', 'h: {}', 'i: "a: b"', ''].join('\n'));
  });

  it('separates documents with ---', () => {
    expect(toYaml([{ a: 1 }, { b: 2 }], 'h')).toBe('# h\na: 1\n---\nb: 2\n');
  });
});
