export { AuthError, type AuthErrorCode } from './auth-error';
export { bearerTokenOf } from './bearer-token';
export { StaffTokenVerifier, type TokenIssuerSettings } from './staff-token-verifier';
export { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from './staff-user';
