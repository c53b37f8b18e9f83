// Moved to @polku/auth (shared with the downstream consumers, whose guard runs the same check).
export { CurrentUser, Public, Roles, type AuthenticatedRequest } from '@polku/auth';
