// The live feed: the latest events first, then every new audit event as the server sends it over
// Server-Sent Events. The first connection asks for events after the newest one already listed
// (?after=<seq>); on a reconnect the browser itself resends Last-Event-ID, and the server resumes
// from there — so nothing is missed and nothing repeats (the seq check below guards the list too).
import { useEffect, useState } from 'react';
import { api, queryString } from '../api/api-client.js';
import type { FeedEvent, ViolationPage } from '../api/contract-types.js';
import { Link } from '../app/router.js';
import { formatDateTime, formatDeltaCents, textOrEmpty } from '../ui/display-format.js';
import { SeverityChip } from '../ui/severity-chip.js';

const SHOWN = 30;

type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Adds events not listed yet, newest (highest seq) first, keeping at most SHOWN. */
export function mergeFeed(listed: readonly FeedEvent[], arrived: readonly FeedEvent[]): FeedEvent[] {
  const seen = new Set(listed.map((event) => event.seq));
  const fresh = arrived.filter((event) => !seen.has(event.seq));
  if (fresh.length === 0) return [...listed];
  return [...fresh, ...listed].sort((a, b) => b.seq - a.seq).slice(0, SHOWN);
}

export function LiveFeed() {
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    const controller = new AbortController();

    function connect(after: number | null): void {
      source = new EventSource(`/api/feed${queryString({ after })}`);
      source.addEventListener('open', () => setConnection('live'));
      source.addEventListener('audit', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as FeedEvent;
        setEvents((listed) => mergeFeed(listed, [event]));
      });
      source.addEventListener('error', () => {
        if (source?.readyState === EventSource.CLOSED) {
          // The server refused the stream (e.g. 401): a plain request finds out why and, on an
          // expired session, returns the app to the login page.
          setConnection('closed');
          void api.get('/api/auth/session').catch(() => undefined);
        } else {
          setConnection('reconnecting');
        }
      });
    }

    api
      .get<ViolationPage>(`/api/violations${queryString({ sort: 'seq', order: 'desc', pageSize: SHOWN })}`, {
        signal: controller.signal,
      })
      .then((page) => {
        if (stopped) return;
        setEvents((listed) => mergeFeed(listed, page.items));
        connect(page.items[0]?.seq ?? null);
      })
      .catch(() => {
        if (!stopped) connect(null);
      });

    return () => {
      stopped = true;
      controller.abort();
      source?.close();
    };
  }, []);

  return (
    <section className="card feed" aria-labelledby="feed-title">
      <header className="card-header">
        <h2 id="feed-title">Live feed</h2>
        <span className={`feed-status feed-status-${connection}`} data-testid="feed-status">
          {connection === 'live' ? 'Live' : connection === 'closed' ? 'Disconnected' : 'Connecting…'}
        </span>
      </header>
      <ol className="feed-list" data-testid="live-feed" aria-live="polite">
        {events.length === 0 && <li className="muted">No events yet.</li>}
        {events.map((event) => (
          <li key={event.seq} className="feed-item" data-testid="feed-item" data-seq={event.seq}>
            <SeverityChip severity={event.severity} />
            <div className="feed-body">
              <Link to={`/violations?event=${encodeURIComponent(event.eventId)}`} className="feed-title">
                {event.violationType}
              </Link>
              <span className="feed-meta">
                {textOrEmpty(event.sheetName)} · WR {textOrEmpty(event.workRequest)} ·{' '}
                {textOrEmpty(event.changedBy)} · {formatDeltaCents(event.deltaCents)}
              </span>
            </div>
            <time className="feed-time" dateTime={event.timestamp}>
              {formatDateTime(event.timestamp)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
