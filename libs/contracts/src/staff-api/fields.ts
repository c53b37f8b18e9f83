import { containsIdentityCodeShape } from '@polku/domain';
import { z } from 'zod';

// Staff type free text, names and ids; an identity code in any of them would land in events.
const NO_IDENTITY_CODE = { message: 'must not contain a personal identity code' } as const;

// Control characters (NUL above all: PostgreSQL's jsonb cannot hold it) have no place in what
// staff type; line breaks and tabs do.
const ALLOWED_CONTROL = new Set([9, 10, 13]);

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 32 && !ALLOWED_CONTROL.has(code)) || code === 127) return true;
  }
  return false;
}

/** A name or other short text: bounded, trimmed, no control characters, no identity code. */
export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !hasControlCharacter(text), { message: 'must not contain control characters' })
    .refine((text) => !containsIdentityCodeShape(text), NO_IDENTITY_CODE);
}

/** Free text a member of staff types: a longer plain text. */
export function freeText(max: number) {
  return plainText(1, max);
}

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const localDate = z.iso.date();

/** Ids staff or the console mint for trials, services, referrals and subsidies. */
// Ids end up in events and on Kafka: one shaped like an identity code is refused as well.
export const entityId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'an id: 1–64 letters, digits or . _ : -').refine((id) => !containsIdentityCodeShape(id), NO_IDENTITY_CODE);

export const staffUserId = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'a staff user id: 2–64 letters, digits or . _ -').refine((id) => !containsIdentityCodeShape(id), NO_IDENTITY_CODE);

/** Finnish business id (Y-tunnus), shape only; the domain checks the check digit. */
export const businessId = z.string().regex(/^\d{7}-\d$/, 'a business id: 7 digits, a hyphen and a check digit');

export const employmentArea = plainText(2, 80);
export const municipality = plainText(2, 80);

export { STAFF_ROLES, type StaffRole } from '@polku/domain';
