import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatLocalDate } from '../ui/format';
import { Loading } from '../ui/loading';
import { useShop } from '../ui/use-shop';
import { DecisionSummary } from './decision-summary';
import { reasonWords, requestAction, requestNoun, resolutionWords } from './labels';
import { type Photo, PhotoPicker, readPhotos } from './photo-picker';
import { isSignInNeeded, useOrder, useOrderOptions } from './portal-api';
import { SignInNeeded } from './sign-in-needed';

type Request = {
  type: 'return' | 'exchange' | 'warranty' | 'report_problem' | 'cancel' | 'change_address';
  lines: string[];
  reason?: string;
  condition?: Record<string, boolean>;
  preferredResolution?: string;
  note?: string;
};

/** The request flow: items, reason, the goods' condition, photos, the remedy; a preview of what it gets; then one case. */
export function RequestFlow({ shopId }: { shopId: string }) {
  const { number = '' } = useParams();
  const [search] = useSearchParams();
  const type = search.get('type') ?? 'return';
  const { shop } = useShop(shopId);
  const order = useOrder(shopId, number);
  const options = useOrderOptions(shopId, number);
  const navigate = useNavigate();
  // One key per form: a double submit or a retry answers the same case (the server's Idempotency-Key).
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [lines, setLines] = useState<string[] | undefined>(undefined);
  const [reason, setReason] = useState<string | undefined>(undefined);
  const [condition, setCondition] = useState<Record<string, boolean>>({});
  const [resolution, setResolution] = useState<string>('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);

  const option = options.data?.options.find((o) => o.type === type);
  const openLines = option?.lines.filter((l) => l.outcome !== 'denied').map((l) => l.id) ?? [];
  // The items still open, else all of them (the customer may still ask, and hear why not).
  const chosenLines = lines ?? (openLines.length > 0 ? openLines : (option?.lines.map((l) => l.id) ?? []));
  const chosenReason = reason ?? option?.reason ?? 'other';
  const request: Request = {
    type: type as Request['type'],
    lines: chosenLines,
    reason: chosenReason,
    ...(Object.keys(condition).length > 0 ? { condition } : {}),
    ...(resolution ? { preferredResolution: resolution } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };

  const preview = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/orders/{number}/preview', {
          params: { path: { id: shopId, number } },
          body: { request: request as never },
        }),
      ),
  });
  // A second click before the button shows it is sending is ignored; a retry after a failure sends the same key.
  const sending = useRef(false);
  const submit = useMutation({
    mutationFn: async () => {
      const sent = await api
        .POST('/api/v1/shops/{id}/cases', {
          params: { path: { id: shopId }, header: { 'idempotency-key': idempotencyKey } },
          body: { orderNumber: order.data?.number ?? number, request: request as never },
        })
        .catch(() => {
          throw new Error('The connection dropped before the shop answered. Send it again: it will not be sent twice.');
        });
      const opened = dataOrThrow(sent);
      if (photos.length > 0) {
        const attachments: Photo[] = await readPhotos(photos);
        dataOrThrow(
          await api.POST('/api/v1/cases/{id}/messages', {
            params: { path: { id: opened.id } },
            body: { body: `Photos for ${opened.reference}`, attachments: attachments as never },
          }),
        );
      }
      return opened;
    },
    onSuccess: (opened) => navigate(`/shop/${shopId}/cases/${opened.id}`),
  });

  /** Any change to the form makes the preview stale: it is asked again. */
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      preview.reset();
    };

  if (order.error)
    return isSignInNeeded(order.error) ? <SignInNeeded shopId={shopId} /> : <ErrorNote error={order.error} />;
  if (options.error) return <ErrorNote error={options.error} />;
  if (!order.data || !options.data || !shop) return <Loading />;
  const orderPath = `/shop/${shopId}/orders/${encodeURIComponent(order.data.number)}`;

  if (!option) {
    return (
      <main id="main" className="page narrow">
        <h1>{requestAction(type)}</h1>
        <p>This is not something you can ask for this order now.</p>
        <p>
          <Link to={orderPath}>Back to order {order.data.number}</Link>
        </p>
      </main>
    );
  }
  const others = options.data.options.filter((o) => o.type !== type && o.outcome !== 'denied');
  const decision = preview.data;
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    preview.mutate();
  };

  return (
    <main id="main" className="page narrow">
      <h1>
        {requestAction(type)} · order {order.data.number}
      </h1>
      {option.outcome === 'denied' ? (
        <div className="error-note" role="alert">
          <strong>{requestNoun(type)} are closed for this order</strong>
          {option.deadline ? <p>They closed on {formatLocalDate(option.deadline.localDate)}.</p> : null}
          {option.reasons.map((r) => (
            <blockquote key={`${r.clause}:${r.quote}`} className="quote">
              {r.quote}
            </blockquote>
          ))}
        </div>
      ) : null}
      <form onSubmit={onPreview} className="card">
        <fieldset>
          <legend>Which items?</legend>
          {option.lines.map((l) => (
            <div className="choice" key={l.id}>
              <input
                type="checkbox"
                id={`line-${l.id}`}
                checked={chosenLines.includes(l.id)}
                onChange={(e) =>
                  change(setLines)(e.target.checked ? [...chosenLines, l.id] : chosenLines.filter((id) => id !== l.id))
                }
              />
              <label htmlFor={`line-${l.id}`}>
                {l.title ?? l.id}
                {l.deadline && l.outcome !== 'denied'
                  ? ` · ${requestNoun(type).toLowerCase()} close on ${formatLocalDate(l.deadline.localDate)}`
                  : ''}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="reason">Reason</label>
          <select id="reason" value={chosenReason} onChange={(e) => change(setReason)(e.target.value)}>
            {option.reasonChoices.map((r) => (
              <option key={r} value={r}>
                {reasonWords(r)}
              </option>
            ))}
          </select>
        </div>
        {option.questions.map((q) => (
          <fieldset key={q.fact}>
            <legend>{q.question}</legend>
            {[true, false].map((answer) => (
              <div className="choice" key={String(answer)}>
                <input
                  type="radio"
                  id={`${q.fact}-${answer}`}
                  name={q.fact}
                  required
                  checked={condition[q.fact] === answer}
                  onChange={() => change(setCondition)({ ...condition, [q.fact]: answer })}
                />
                <label htmlFor={`${q.fact}-${answer}`}>{answer ? 'Yes' : 'No'}</label>
              </div>
            ))}
          </fieldset>
        ))}
        {option.resolutions.length > 1 ? (
          <fieldset>
            <legend>What would you like?</legend>
            {option.resolutions.map((r) => (
              <div className="choice" key={r}>
                <input
                  type="radio"
                  id={`resolution-${r}`}
                  name="resolution"
                  checked={resolution === r}
                  onChange={() => change(setResolution)(r)}
                />
                <label htmlFor={`resolution-${r}`}>{resolutionWords(r)}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="note">Anything the care team should know</label>
          <textarea id="note" rows={3} value={note} onChange={(e) => change(setNote)(e.target.value)} />
        </div>
        <PhotoPicker files={photos} onChange={setPhotos} />
        {preview.error ? <ErrorNote error={preview.error} /> : null}
        <div className="actions">
          <button type="submit" disabled={preview.isPending || chosenLines.length === 0}>
            {preview.isPending ? 'Checking…' : 'See what I will get'}
          </button>
        </div>
      </form>

      {decision ? <DecisionSummary decision={decision} timeZone={shop.timeZone} /> : null}
      {decision?.outcome === 'denied' ? (
        <section aria-labelledby="next-heading" className="card">
          <h2 id="next-heading">What you can do instead</h2>
          {others.length > 0 ? (
            <ul>
              {others.map((o) => (
                <li key={o.type}>
                  <Link to={`${orderPath}/request?type=${o.type}`} reloadDocument>
                    {requestAction(o.type)}
                  </Link>
                  {o.deadline ? ` (until ${formatLocalDate(o.deadline.localDate)})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              Write to the care team from <Link to={orderPath}>your order’s page</Link> if you think this is wrong.
            </p>
          )}
        </section>
      ) : null}
      {decision && decision.outcome !== 'denied' ? (
        <div className="actions">
          {submit.error ? <ErrorNote error={submit.error} /> : null}
          <button
            type="button"
            disabled={submit.isPending || submit.isSuccess}
            onClick={() => {
              if (sending.current) return;
              sending.current = true;
              submit.mutate(undefined, {
                onSettled: () => {
                  sending.current = false;
                },
              });
            }}
          >
            {submit.isPending ? 'Sending…' : 'Send my request'}
          </button>
        </div>
      ) : null}
    </main>
  );
}
