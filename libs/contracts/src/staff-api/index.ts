export * from './api-schemas';
export { CommandBodies, ENUMS, type StaffCommandType } from './command-bodies';
export { employmentArea, freeText, STAFF_ROLES, staffUserId, type StaffRole } from './fields';
export { staffApiDocument, STAFF_API_OPERATIONS } from './openapi';
export { isStarted, PathViewSchema, toPathView, toTimelineEntry, type PathView, type TimelineEntry } from './path-view';
export { STAFF_COMMANDS, staffCommandByRoute, staffCommandByType, type StaffCommandSpec } from './staff-commands';
export { allowedCommands } from './allowed-commands';
