// Previous / Next over server-side pages, with where the reader is and how many there are in all.
import { formatCount } from './display-format.js';

export function Pager({
  page,
  pageSize,
  total,
  noun,
  onPage,
}: {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** What is counted, plural ("events", "reports"). */
  readonly noun: string;
  readonly onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid="page-prev"
      >
        Previous
      </button>
      <span data-testid="page-info">
        Page {page} of {pages} · {formatCount(total)} {noun}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="page-next"
      >
        Next
      </button>
    </nav>
  );
}
