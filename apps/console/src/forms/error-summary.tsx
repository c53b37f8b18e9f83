import type { ApiErrorBody } from '@polku/contracts';

/** The server's top-level answer (`code` and `message`) and issues no field of the form owns. */
export function ErrorSummary({ id, error, unplaced }: { readonly id: string; readonly error: ApiErrorBody | null; readonly unplaced: readonly string[] }) {
  if (!error) return null;
  return (
    <div className="error-summary" role="alert" data-testid={`${id}-error`} data-code={error.code}>
      <code>{error.code}</code> {error.message}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
