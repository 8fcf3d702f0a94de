import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant, words } from '../ui/format';
import { Loading } from '../ui/loading';
import { type StaffSession, useStaffShops } from './staff-shops';

/** /desk/mailbox: the mails Loupe wrote to customers, sent and queued, each readable in full. */
export function MailboxPage({ who }: { who: StaffSession }) {
  const [params, setParams] = useSearchParams();
  const shopFilter = params.get('shop') ?? undefined;
  const { served } = useStaffShops(who);
  const mails = useQuery({
    queryKey: ['mailbox', shopFilter],
    queryFn: async () =>
      dataOrThrow(
        await api.GET('/api/v1/mailbox', {
          params: { query: { limit: 200, ...(shopFilter ? { shop: shopFilter } : {}) } },
        }),
      ),
  });
  const zoneOf = (shop: string) => served.find((s) => s.id === shop)?.timeZone ?? 'UTC';
  return (
    <main id="main" className="page wide">
      <h1>Mailbox</h1>
      {served.length > 1 ? (
        <form className="card inbox-filters" aria-label="Filter the mailbox" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="mailbox-shop">Shop</label>
            <select
              id="mailbox-shop"
              value={shopFilter ?? ''}
              onChange={(e) => setParams(e.target.value ? { shop: e.target.value } : {})}
            >
              <option value="">Every shop</option>
              {served.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      ) : null}
      {mails.error ? <ErrorNote error={mails.error} title="The mailbox could not be read" /> : null}
      {mails.isPending ? <Loading what="Reading the mailbox" /> : null}
      {mails.data ? (
        <>
          <p className="muted" role="status">
            {mails.data.length === 1 ? '1 mail' : `${mails.data.length} mails`}, the latest first
          </p>
          {mails.data.map((m) => (
            <details key={m.id} className="card mail">
              <summary>
                <strong>{m.subject}</strong>
                <br />
                <span className="hint">
                  to {m.to}, {formatInstant(m.sentAt ?? m.createdAt, zoneOf(m.shop))} —{' '}
                  <span className={m.status === 'sent' ? 'badge ok' : 'badge'}>
                    {m.status === 'sent'
                      ? `sent${m.deliveredVia === 'mailbox' ? ' (kept here)' : ''}`
                      : words(m.status)}
                  </span>
                </span>
              </summary>
              <dl className="case-facts">
                <dt>From</dt>
                <dd>
                  {m.from.name} &lt;{m.from.address}&gt;
                </dd>
                <dt>Reply to</dt>
                <dd>{m.replyTo}</dd>
                {m.lastError ? (
                  <>
                    <dt>Last error</dt>
                    <dd>{m.lastError}</dd>
                  </>
                ) : null}
              </dl>
              <pre className="mail-text">{m.text}</pre>
            </details>
          ))}
        </>
      ) : null}
    </main>
  );
}
