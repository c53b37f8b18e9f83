/**
 * A rejected command. Codes are stable (clients and the API map them); `facts` carry the
 * values that explain the rejection, never personal data.
 */
export interface DomainError {
  readonly kind: 'DomainError';
  readonly code: DomainErrorCode;
  readonly message: string;
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}

export type DomainErrorCode =
  | 'PATH.NOT_STARTED'
  | 'PATH.ALREADY_STARTED'
  | 'PATH.INVALID_TRANSITION'
  | 'PATH.PAUSED'
  | 'PATH.NOT_PAUSED'
  | 'PATH.ALREADY_IN_THAT_STATE'
  | 'WORK_TRIAL.LIMIT_EXCEEDED'
  | 'WORK_TRIAL.ORGANISER_NOT_ALLOWED'
  | 'WORK_TRIAL.NOT_ONGOING'
  | 'WAGE_SUBSIDY.RATE_NOT_ALLOWED'
  | 'WAGE_SUBSIDY.LIMIT_EXCEEDED'
  | 'WAGE_SUBSIDY.NOT_ONGOING'
  | 'SIDE_SERVICE.UNKNOWN'
  | 'SIDE_SERVICE.ALREADY_EXISTS'
  | 'SIDE_SERVICE.LIMIT_EXCEEDED'
  | 'REPORT.NOT_EXPECTED'
  | 'FOLLOW_UP.NOT_DUE'
  | 'CONSENT.MISSING'
  | 'SCHEDULE.NOT_PENDING'
  | 'POLICY.UNKNOWN_VERSION'
  | 'POLICY.NOT_NEWER'
  | 'VALIDATION.REQUIRED'
  | 'VALIDATION.OUT_OF_RANGE'
  | 'VALIDATION.INVALID_DATE'
  | 'VALIDATION.DATE_ORDER'
  | 'VALIDATION.BUSINESS_ID'
  | 'VALIDATION.CLIENT_REFERENCE';

export function domainError(code: DomainErrorCode, message: string, facts: DomainError['facts'] = {}): DomainError {
  return { kind: 'DomainError', code, message, facts };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}
