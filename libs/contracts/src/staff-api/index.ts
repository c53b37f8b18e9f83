export * from './api-schemas';
export { CommandBodies } from './command-bodies';
export { employmentArea, freeText, STAFF_ROLES, staffUserId, type StaffRole } from './fields';
export { staffApiDocument, STAFF_API_OPERATIONS } from './openapi';
export { isStarted, PathViewSchema, toPathView, toTimelineEntry, type PathView, type TimelineEntry } from './path-view';
export { STAFF_COMMAND_SPECS, staffCommandByRoute, type StaffCommandSpec } from './staff-commands';
export { allowedCommands } from './allowed-commands';
