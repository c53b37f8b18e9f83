/**
 * A small YAML writer for the generated manifests: maps, lists, strings, numbers, booleans and
 * null, in block style, keys in the order given. Strings that YAML would read as something else
 * (numbers, booleans, null, leading symbols, `: `, ` #`) are written double-quoted as JSON does.
 */
type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value | undefined };

const PLAIN = /^[A-Za-z0-9_./-][A-Za-z0-9_ ./:@${}()=,+*-]*$/;
const AMBIGUOUS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const plain = PLAIN.test(value) && !AMBIGUOUS.test(value) && Number.isNaN(Number(value)) && !value.includes(': ') && !value.endsWith(':') && !value.endsWith(' ');
  return plain ? value : JSON.stringify(value);
}

const isBlock = (value: Value | undefined): value is readonly Value[] | { readonly [key: string]: Value | undefined } =>
  typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.values(value).some((entry) => entry !== undefined));

function emptyOf(value: Value): string {
  return Array.isArray(value) ? '[]' : '{}';
}

function lines(value: Value, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isBlock(item)) return [`${indent}- ${typeof item === 'object' && item !== null ? emptyOf(item) : scalar(item as string)}`];
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, entry]) => {
      if (entry === undefined) return [];
      if (isBlock(entry)) return [`${indent}${scalar(key)}:`, ...lines(entry, `${indent}  `)];
      return [`${indent}${scalar(key)}: ${typeof entry === 'object' && entry !== null ? emptyOf(entry) : scalar(entry)}`];
    });
  }
  return [`${indent}${scalar(value)}`];
}

export type YamlValue = Value;

/** One or more documents, `---` between them, a header comment first. */
export function toYaml(documents: readonly Value[], header: string): string {
  const body = documents.map((document) => lines(document, '').join('\n')).join('\n---\n');
  return `${header.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n')}\n${body}\n`;
}
