// What a page shows instead of its content while loading or after a failure; a 403 from the
// server becomes the "no access" message even when the user typed the URL of an admin page.
import { ApiFailure, describeFailure } from '../api/api-client.js';

export function ErrorNotice({ error }: { readonly error: unknown }) {
  if (error === undefined || error === null) return null;
  if (error instanceof ApiFailure && error.status === 403) return <Forbidden />;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-message">
      {describeFailure(error)}
    </div>
  );
}

export function Forbidden() {
  return (
    <div className="notice notice-error" role="alert" data-testid="forbidden">
      You do not have access to this page.
    </div>
  );
}

export function Loading({ what = 'Loading…' }: { readonly what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** The error, or a loading line until the first data arrives; nothing once there is data. */
export function LoadState({
  loading,
  error,
  hasData,
}: {
  readonly loading: boolean;
  readonly error: unknown;
  readonly hasData: boolean;
}) {
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (loading && !hasData) return <Loading />;
  return null;
}
