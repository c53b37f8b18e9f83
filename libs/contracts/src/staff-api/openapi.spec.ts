import { STAFF_COMMAND_TYPES } from '@polku/domain';
import { staffApiDocument } from './openapi';
import { STAFF_COMMAND_SPECS, staffCommandByRoute } from './staff-commands';

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>> };

const doc = staffApiDocument('http://127.0.0.1:3000') as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, ...operation })));

describe('the staff API’s OpenAPI document', () => {
  it('has one POST operation per staff command of the domain, each with its own route and the command’s body', () => {
    expect(STAFF_COMMAND_SPECS.map((command) => command.type).sort()).toEqual([...STAFF_COMMAND_TYPES]);
    expect(new Set(STAFF_COMMAND_SPECS.map((command) => command.route)).size).toBe(STAFF_COMMAND_TYPES.length);
    for (const command of STAFF_COMMAND_SPECS) {
      const operation = doc.paths[`/paths/{pathId}/${command.route}`]?.['post'];
      expect([command.route, operation?.requestBody !== undefined]).toEqual([command.route, true]);
    }
  });

  it('names every operation uniquely and declares every path parameter its template uses', () => {
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length);
    for (const operation of operations) {
      const templated = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      expect([operation.path, declared.sort()]).toEqual([operation.path, templated.sort()]);
    }
  });

  it('documents the error answers of every POST, and the Idempotency-Key header', () => {
    for (const operation of operations.filter((candidate) => candidate.method === 'post')) {
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '422']));
      expect(operation.parameters.map((parameter) => parameter.name)).toContain('Idempotency-Key');
    }
  });

  it('finds commands by route and refuses a route that is not one', () => {
    expect(staffCommandByRoute('start-work-trial')?.type).toBe('StartWorkTrial');
    expect(staffCommandByRoute('__proto__')).toBeUndefined();
  });
});
