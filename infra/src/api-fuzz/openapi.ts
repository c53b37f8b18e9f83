const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** The number of operations in the API's OpenAPI document, or why there is none to test. */
export async function countOperations(openapi: string): Promise<number | string> {
  let response: Response;
  try {
    response = await fetch(openapi, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    return `the API does not answer at ${openapi} (${error instanceof Error ? error.message : String(error)}); is it running (npm start)?`;
  }
  if (!response.ok) return `${openapi} answered HTTP ${response.status}; the API must serve its OpenAPI document there (docs/staff-api.md)`;
  try {
    const document = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths ?? {}).reduce((sum, item) => sum + Object.keys(item).filter((key) => METHODS.has(key)).length, 0);
    return operations > 0 ? operations : `${openapi} lists no operations`;
  } catch {
    return `${openapi} is not JSON`;
  }
}
