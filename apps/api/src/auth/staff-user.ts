// Moved to @polku/auth (shared with the downstream consumers, which verify the same tokens).
export { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from '@polku/auth';
