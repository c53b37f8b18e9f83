/**
 * Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is
 * 11 − (Σ dᵢ·wᵢ mod 11) with weights 7,9,10,5,8,4,2; remainder 0 gives 0 and remainder 1 is
 * never issued.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export function isBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const digits = (match[1] ?? '').split('').map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (WEIGHTS[index] ?? 0), 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}
