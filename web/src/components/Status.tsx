import type { CombinedError } from 'urql';
import { errorMessage } from '../graphql/errors';

/** Loading and error lines every page shows the same way (the error is announced to screen readers). */
export function Status({ fetching, error }: { fetching: boolean; error?: CombinedError }) {
  if (error)
    return (
      <p role="alert" className="error">
        {errorMessage(error)}
      </p>
    );
  return fetching ? <p className="loading">Đang tải…</p> : null;
}
