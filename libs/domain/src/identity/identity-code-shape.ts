import { parsePersonalIdentityCode } from './personal-identity-code';

// Hyphens, dashes and minus signs a keyboard, a word processor or a phone puts where `-` was
// meant; the screen reads them all as the century sign `-`.
const DASHES = '\\u002D\\u00AD\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
// Spaces and invisible characters someone may put inside a code (zero-width ones included).
const GAP_CHARACTER = '[\\s\\u200B-\\u200D\\u2060\\uFEFF]';
const GAP = `${GAP_CHARACTER}*`;
const SIGN = `[${DASHES}+A-FU-Y]`;

// Something shaped like a personal identity code standing alone: six digits, a century sign,
// three digits and a check character, in any case, with gaps or a look-alike dash. The shape,
// not validity, so a mistyped code does not slip through either; but not glued to letters or
// digits, where a UUID's hex groups take the shape by chance (`…9f257444-2145…`).
const SHAPE = `(?<![0-9A-Za-z])\\d{2}${GAP}\\d{2}${GAP}\\d{2}${GAP}${SIGN}${GAP}\\d{3}${GAP}[0-9A-Y](?![0-9A-Za-z])`;

// Where a code may hide glued to other characters (`ID131052-308T`, `9131052-308T1`): the same
// parts, no boundaries; each candidate counts only when it is a valid code (its date and check
// character), which a random id matches about once in 60,000.
const CANDIDATE = `\\d{6}${SIGN}\\d{3}[0-9A-Y]`;

/** NFKC folds full-width digits and letters to ASCII; gaps and dashes are dealt with by the patterns. */
function folded(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Whether a text holds a personal identity code in any disguise: a code-shaped run (valid or
 * mistyped) or a valid code glued inside other characters. The one screen for every field that
 * leaves the edge (events, Temporal payloads, Kafka, logs).
 */
export function containsIdentityCodeShape(text: string): boolean {
  const plain = folded(text);
  return new RegExp(SHAPE, 'i').test(plain) || hasEmbeddedValidCode(plain);
}

function hasEmbeddedValidCode(plain: string): boolean {
  const compact = plain.replace(new RegExp(GAP_CHARACTER, 'g'), '').replace(new RegExp(`[${DASHES}]`, 'g'), '-').toUpperCase();
  const candidates = new RegExp(CANDIDATE, 'g');
  for (let match = candidates.exec(compact); match !== null; match = candidates.exec(compact)) {
    if (parsePersonalIdentityCode(match[0]).ok) return true;
    candidates.lastIndex = match.index + 1; // overlapping: a code may start inside a rejected candidate
  }
  return false;
}

// The same parts glued to letters too (only digits around rule a run out): what the redaction
// looks at, keeping a glued run only when it is a valid code.
const GLUED = `(?<!\\d)\\d{2}${GAP}\\d{2}${GAP}\\d{2}${GAP}${SIGN}${GAP}\\d{3}${GAP}[0-9A-Y](?!\\d)`;

/**
 * The text with every identity code replaced by `[redacted]`: runs shaped like one standing
 * alone (mistyped too), and valid codes glued to letters (`ID131052-308T`).
 */
export function redactIdentityCodeShapes(text: string): string {
  const glued = (character: string): boolean => /[0-9A-Za-z]/.test(character);
  return folded(text).replace(new RegExp(GLUED, 'gi'), (run: string, at: number, whole: string) => {
    const standsAlone = !glued(whole.charAt(at - 1)) && !glued(whole.charAt(at + run.length));
    return standsAlone || hasEmbeddedValidCode(run) ? '[redacted]' : run;
  });
}
