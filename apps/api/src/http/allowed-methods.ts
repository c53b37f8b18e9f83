import { STAFF_API_OPERATIONS } from '@polku/contracts';

// Routes outside the staff API's operation table (operations, docs), by path.
const OPERATIONAL: Readonly<Record<string, readonly string[]>> = {
  '/health': ['GET'],
  '/hello': ['GET'],
  '/docs': ['GET'],
  '/docs/openapi.json': ['GET'],
};

const ROUTES: readonly { readonly pattern: RegExp; readonly method: string }[] = [
  ...STAFF_API_OPERATIONS.map(({ path, method }) => ({ pattern: templatePattern(path), method: method.toUpperCase() })),
  ...Object.entries(OPERATIONAL).flatMap(([path, methods]) => methods.map((method) => ({ pattern: templatePattern(path), method }))),
];

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * The methods a path takes, from the one operation table the OpenAPI document is made of (HEAD
 * with GET, as Express answers it); empty for a path that is not a route at all (then 404).
 */
export function allowedMethodsOf(path: string): string[] {
  const methods = new Set(ROUTES.filter((route) => route.pattern.test(path)).map((route) => route.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Routes anyone may call without a token (health, docs, the baseline). */
export function isPublicRoute(path: string): boolean {
  return Object.keys(OPERATIONAL).some((route) => templatePattern(route).test(path));
}
