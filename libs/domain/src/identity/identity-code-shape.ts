// Something shaped like a personal identity code, standing alone inside a text: six digits, a
// century sign, three digits and a check character, not glued to other letters or digits (a
// UUID's digit groups can take the shape and are not a code). The shape, not validity: a
// mistyped code must not slip through either.
const STANDING_ALONE = '(?<![0-9A-Za-z])\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y](?![0-9A-Za-z])';

/** Whether a text holds something shaped like a personal identity code. */
export function containsIdentityCodeShape(text: string): boolean {
  return new RegExp(STANDING_ALONE, 'i').test(text);
}

/** The text with everything shaped like a personal identity code replaced by `[redacted]`. */
export function redactIdentityCodeShapes(text: string): string {
  return text.replace(new RegExp(STANDING_ALONE, 'gi'), '[redacted]');
}
