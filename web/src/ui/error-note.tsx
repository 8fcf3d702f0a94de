import { ApiFailure } from '../api/client';

/** An error as a person reads it: what went wrong and, from the server, which field. */
export function ErrorNote({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message =
    error instanceof ApiFailure
      ? error.body.message
      : error instanceof Error
        ? error.message
        : 'Please try again in a moment.';
  return (
    <div className="error-note" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
    </div>
  );
}
