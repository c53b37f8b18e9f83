import { Roles } from '@polku/auth';
import type { StaffRole } from '@polku/contracts';

// The decorators are @polku/auth's, shared with the staff API; a consumer's only @Public route is /health.
export { CurrentUser as CurrentStaff, Public } from '@polku/auth';

/** The roles that may call; on a consumer every other route but @Public ones is closed to everyone. */
export const StaffRoles = (...roles: readonly StaffRole[]) => Roles(roles);
