import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant, formatMoney } from '../ui/format';
import { Loading } from '../ui/loading';
import { useShop } from '../ui/use-shop';
import { DecisionSummary } from './decision-summary';
import { requestAction, stateWords } from './labels';
import { isSignInNeeded } from './portal-api';
import { SignInNeeded } from './sign-in-needed';

/** The case page: status and deadlines, return instructions and slip, money given back, the conversation. */
export function CasePage({ shopId }: { shopId: string }) {
  const { caseId = '' } = useParams();
  const { shop } = useShop(shopId);
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const money = useQuery({
    queryKey: ['case-money', caseId],
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/cases/{id}/issued-money', { params: { path: { id: caseId } } })),
  });
  const [message, setMessage] = useState('');
  const [tracking, setTracking] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case', caseId] });
  const send = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/cases/{id}/messages', { params: { path: { id: caseId } }, body: { body: message } }),
      ),
    onSuccess: async () => {
      setMessage('');
      await refresh();
    },
  });
  const shipped = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/cases/{id}/actions/{action}', {
          params: { path: { id: caseId, action: 'ship_return' } },
          body: { revision: view.data?.revision ?? 0, trackingNumber: tracking },
        }),
      ),
    onSuccess: refresh,
  });

  if (view.error) {
    return isSignInNeeded(view.error) ? (
      <SignInNeeded shopId={shopId} />
    ) : (
      <main id="main" className="page narrow">
        <h1>We could not show this request</h1>
        <ErrorNote error={view.error} />
      </main>
    );
  }
  if (!view.data || !shop) return <Loading />;
  const c = view.data;
  const zone = shop.timeZone;
  const { respondsBy, shipBy, resolutionBy } = c.deadlines;
  const onSend = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <main id="main" className="page narrow">
      <h1>
        {requestAction(c.type)} · {c.reference}
      </h1>
      <p>
        Status: <strong>{stateWords(c.state)}</strong>
        {c.order ? (
          <>
            {' · '}
            <Link to={`/shop/${shopId}/orders/${encodeURIComponent(c.order.number)}`}>order {c.order.number}</Link>
          </>
        ) : null}
      </p>
      {respondsBy || shipBy || resolutionBy ? (
        <section aria-labelledby="deadlines-heading" className="card">
          <h2 id="deadlines-heading">Deadlines</h2>
          <dl className="portal-summary">
            {respondsBy ? (
              <>
                <dt>The shop responds by</dt>
                <dd>{formatInstant(respondsBy, zone)}</dd>
              </>
            ) : null}
            {shipBy ? (
              <>
                <dt>Ship it back by</dt>
                <dd>{formatInstant(shipBy, zone)}</dd>
              </>
            ) : null}
            {resolutionBy ? (
              <>
                <dt>Refund or remedy by</dt>
                <dd>{formatInstant(resolutionBy, zone)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {money.data && money.data.length > 0 ? (
        <section aria-labelledby="money-heading" className="card success-note">
          <h2 id="money-heading">Money given back</h2>
          {money.data.map((m) => (
            <div key={`${m.kind}-${m.issuedAt}-${m.amountCents}`}>
              {m.kind === 'store_credit' ? (
                <>
                  <p>
                    Store credit of <strong>{formatMoney(m.amountCents, m.currency)}</strong> on a gift card. Your gift
                    card code:
                  </p>
                  <p className="portal-code">{m.giftCardCode}</p>
                </>
              ) : (
                <p>
                  A refund of <strong>{formatMoney(m.amountCents, m.currency)}</strong> to how you paid, issued on{' '}
                  {formatInstant(m.issuedAt, zone)}.
                </p>
              )}
            </div>
          ))}
        </section>
      ) : null}

      {c.state === 'awaiting_return' ? (
        <section aria-labelledby="return-heading" className="card">
          <h2 id="return-heading">How to send it back</h2>
          {c.authorizationNumber ? (
            <p>
              Your return authorisation number: <strong>{c.authorizationNumber}</strong>. Write it on the parcel.
            </p>
          ) : null}
          {c.returnAddress ? (
            <p>
              Send it to: <strong>{c.returnAddress}</strong>
            </p>
          ) : null}
          <p>
            <a href={`/api/v1/cases/${c.id}/return-slip.pdf`} target="_blank" rel="noreferrer">
              Print the return slip (PDF)
            </a>
          </p>
          {c.allowedActions.includes('ship_return') ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                shipped.mutate();
              }}
            >
              <div className="field">
                <label htmlFor="tracking">Tracking number of your parcel</label>
                <input id="tracking" required value={tracking} onChange={(e) => setTracking(e.target.value)} />
              </div>
              {shipped.error ? <ErrorNote error={shipped.error} /> : null}
              <div className="actions">
                <button type="submit" disabled={shipped.isPending}>
                  I have sent it
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      {c.decision ? <DecisionSummary decision={c.decision} timeZone={zone} /> : null}

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages with the care team</h2>
        {c.messages.length === 0 ? <p className="muted">No messages yet.</p> : null}
        <ul className="portal-messages">
          {c.messages.map((m) => (
            <li key={m.id}>
              <p className="muted">
                {m.authorKind === 'customer' ? 'You' : m.author} · {formatInstant(m.createdAt, zone)}
              </p>
              <p>{m.body}</p>
              {m.attachments.length > 0 ? (
                <ul>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/v1/cases/${c.id}/attachments/${a.id}`}>{a.filename}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        <form onSubmit={onSend} className="card">
          <div className="field">
            <label htmlFor="message">Write to the care team</label>
            <textarea id="message" rows={4} required value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
          {send.error ? <ErrorNote error={send.error} /> : null}
          <div className="actions">
            <button type="submit" disabled={send.isPending || !message.trim()}>
              {send.isPending ? 'Sending…' : 'Send message'}
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
