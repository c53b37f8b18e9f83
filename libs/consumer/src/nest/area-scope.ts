import { HttpStatus } from '@nestjs/common';
import type { StaffUser } from '@polku/auth';
import { ConsumerHttpError } from './consumer-http-error';

/**
 * The employment area a read is scoped to: always the token's own. An `?area=` naming another
 * area (or given twice) is refused rather than quietly ignored, so a caller never mistakes one
 * area's figures for another's. The value is not echoed back.
 */
export function readArea(staff: StaffUser, requested: unknown): string {
  if (requested !== undefined && requested !== staff.employmentArea) {
    throw new ConsumerHttpError(HttpStatus.FORBIDDEN, 'AUTH.FORBIDDEN_AREA', 'Your token is for one employment area: read that area (leave out ?area= or give your own).');
  }
  return staff.employmentArea;
}
