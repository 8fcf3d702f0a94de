import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant } from '../ui/format';
import type { CaseView } from './desk-types';
import type { Shop } from './staff-shops';

/** The case's conversation, and a reply from the care team (mailed to the customer). */
export function CaseMessages({ view, shop }: { view: CaseView; shop: Shop }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const reply = useMutation({
    mutationFn: async () =>
      dataOrThrow(await api.POST('/api/v1/cases/{id}/messages', { params: { path: { id: view.id } }, body: { body } })),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['case', view.id] });
      void queryClient.invalidateQueries({ queryKey: ['mailbox'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reply.isPending) reply.mutate();
  };
  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      {view.messages.length === 0 ? <p className="muted">No message yet.</p> : null}
      {view.messages.map((m) => (
        <article key={m.id} className="message" aria-label={`Message from ${m.author}`}>
          <div className="hint">
            {m.authorKind === 'customer' ? 'Customer' : m.authorKind === 'agent' ? 'Care team' : 'Loupe'} ({m.author}
            ), {formatInstant(m.createdAt, shop.timeZone)}
          </div>
          <p>{m.body}</p>
          {m.attachments.length ? (
            <ul>
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/v1/cases/${view.id}/attachments/${a.id}`}>{a.filename}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="reply-body">Reply to the customer</label>
          <textarea
            id="reply-body"
            rows={4}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby="reply-hint"
          />
          <span id="reply-hint" className="hint">
            Mailed as “{shop.name}: a message from our care team ({view.reference})”.
          </span>
        </div>
        {reply.error ? <ErrorNote error={reply.error} title="Not sent" /> : null}
        {reply.isSuccess ? (
          <p className="success-note" role="status">
            Sent.
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={reply.isPending}>
            {reply.isPending ? 'Sending…' : 'Send the reply'}
          </button>
        </div>
      </form>
    </section>
  );
}
