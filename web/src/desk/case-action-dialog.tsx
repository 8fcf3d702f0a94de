import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant, formatMoney, words } from '../ui/format';
import { ACTION_PLANS, closeNeedsReason, NEW_ORDER_REMEDIES, outcomesOf, remediesOf, targetOf } from './action-plans';
import type { CaseActionBody, CaseView, Outcome, Resolution } from './desk-types';
import { CancelButton, DialogShell, newIdempotencyKey } from './dialog-shell';
import { endOfLocalDay, inputToCents, localDateOf } from './money-input';
import type { Shop } from './staff-shops';

type PlannedAction = keyof typeof ACTION_PLANS;
const CONDITIONS = [
  ['used', 'Used'],
  ['worn', 'Worn'],
  ['damagedByCustomer', 'Damaged by the customer'],
  ['originalPackaging', 'In its original packaging'],
  ['tagsAttached', 'Tags attached'],
] as const;
type Condition = Partial<Record<(typeof CONDITIONS)[number][0], boolean>>;

/** What the dialog needs to know of the case and its shop. */
export type ActionContext = { view: CaseView; shop: Shop; contactAddress: string | undefined };

/** One lifecycle action as a button; its dialog says what it will do, then does it once. */
export function CaseActionDialog({
  action,
  context,
  onDone,
}: {
  action: PlannedAction;
  context: ActionContext;
  onDone: (note: string) => void;
}) {
  const plan = ACTION_PLANS[action];
  return (
    <DialogShell
      label={plan.label}
      title={`${plan.label}: ${context.view.reference}`}
      secondary={action === 'withdraw'}
    >
      {(close) => (
        <ActionForm
          action={action}
          context={context}
          onDone={(note) => {
            close();
            onDone(note);
          }}
        />
      )}
    </DialogShell>
  );
}

function ActionForm({
  action,
  context,
  onDone,
}: {
  action: PlannedAction;
  context: ActionContext;
  onDone: (note: string) => void;
}) {
  const { view, shop, contactAddress } = context;
  const plan = ACTION_PLANS[action];
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const outcomes = outcomesOf(action);
  const [outcome, setOutcome] = useState<Outcome | undefined>(outcomes.length === 1 ? outcomes[0] : undefined);
  const [reason, setReason] = useState('');
  const defaultShipBy = view.deadlines.shipBy ?? view.decision?.deadlines.returnBy ?? null;
  const defaultShipDate = defaultShipBy ? localDateOf(defaultShipBy, shop.timeZone) : '';
  const [returnAddress, setReturnAddress] = useState(contactAddress ?? '');
  const [shipDate, setShipDate] = useState(defaultShipDate);
  const [instructions, setInstructions] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const offered = remediesOf(view);
  const [resolution, setResolution] = useState<Resolution | undefined>(offered[0]);
  const lines = view.request?.lines.length ? view.request.lines : [];
  const [findings, setFindings] = useState<Record<string, Condition>>(() =>
    Object.fromEntries(lines.map((id) => [id, { ...(view.request?.condition ?? {}) }])),
  );
  const [quote, setQuote] = useState('');
  const [description, setDescription] = useState('');
  const [claimReference, setClaimReference] = useState('');
  const [answer, setAnswer] = useState('');

  const needsReason = plan.fields.includes('reason') || (action === 'close' && closeNeedsReason(view.state));
  const to = targetOf(action, view.state, outcome);
  const currency = view.money?.currency ?? view.decision?.money.currency ?? shop.currency;
  const mail = plan.mail({
    shop: shop.name,
    reference: view.reference,
    outcome: action === 'override' ? undefined : outcome,
  });
  const overrideMail =
    action === 'override'
      ? `${shop.name}: ${to === 'decided_approved' ? 'your request is approved' : 'we cannot accept your request'} (${view.reference}), with your reason`
      : null;

  const body = (): Omit<CaseActionBody, 'revision'> => {
    const b: Omit<CaseActionBody, 'revision'> = {};
    if (plan.fields.includes('outcome') && outcome) b.outcome = outcome;
    if (needsReason) b.reason = reason;
    if (plan.fields.includes('returnTerms')) {
      if (returnAddress.trim() && returnAddress !== contactAddress) b.returnAddress = returnAddress.trim();
      if (shipDate && shipDate !== defaultShipDate) b.shipBy = endOfLocalDay(shipDate, shop.timeZone);
      if (instructions.trim()) b.instructions = instructions.trim();
    }
    if (plan.fields.includes('trackingNumber')) b.trackingNumber = trackingNumber.trim();
    if (plan.fields.includes('findings'))
      b.findings = Object.entries(findings).map(([id, condition]) => ({ id, condition }));
    if (plan.fields.includes('resolution') && resolution) b.resolution = resolution;
    if (plan.fields.includes('quote')) {
      const amount = inputToCents(quote, currency);
      if (amount !== undefined) b.amount = amount;
      b.description = description;
    }
    if (plan.fields.includes('claimReference')) b.claimReference = claimReference;
    if (plan.fields.includes('answer')) b.answer = answer;
    return b;
  };

  const act = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/cases/{id}/actions/{action}', {
          params: { path: { id: view.id, action } },
          body: { revision: view.revision, ...body() },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSuccess: (after) => {
      queryClient.setQueryData(['case', view.id], after);
      void queryClient.invalidateQueries({ queryKey: ['ledger', view.id] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['mailbox'] });
      onDone(`${plan.label}: done. The case is now ${words(after.state)}.`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!act.isPending) act.mutate();
  };

  return (
    <form onSubmit={submit}>
      <section className="plan" aria-label="What this will do">
        <dl className="case-facts">
          <dt>State</dt>
          <dd>
            {words(view.state)} → <strong>{to ? words(to) : 'depends on the outcome you choose'}</strong>
          </dd>
          <dt>Money</dt>
          <dd>{moneyLine(action, view, currency, resolution)}</dd>
          <dt>Mail</dt>
          <dd>
            {overrideMail ??
              mail ??
              (action === 'inspect' ? inspectMail(shop.name, view.reference) : 'None: the customer is not mailed.')}
          </dd>
          {plan.fields.includes('returnTerms') ? (
            <>
              <dt>Ship back by</dt>
              <dd>
                {shipDate
                  ? shipDate === defaultShipDate && defaultShipBy
                    ? formatInstant(defaultShipBy, shop.timeZone)
                    : formatInstant(endOfLocalDay(shipDate, shop.timeZone), shop.timeZone)
                  : 'choose a date'}
              </dd>
              <dt>Return shipping</dt>
              <dd>
                {view.decision?.returnShippingPaidBy === 'shop'
                  ? 'paid by the shop'
                  : view.decision?.returnShippingPaidBy === 'customer'
                    ? 'at the customer’s cost'
                    : 'not said by the policy'}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {outcomes.length > 1 ? (
        <fieldset>
          <legend>Outcome</legend>
          {outcomes.map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                required
              />
              {words(o)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {needsReason ? (
        <div className="field">
          <label htmlFor="action-reason">Reason, written for the customer and the audit trail</label>
          <textarea id="action-reason" required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      ) : null}
      {plan.fields.includes('returnTerms') ? (
        <>
          <div className="field">
            <label htmlFor="return-address">Return address</label>
            <textarea
              id="return-address"
              rows={2}
              required={!contactAddress}
              value={returnAddress}
              onChange={(e) => setReturnAddress(e.target.value)}
            />
            {contactAddress ? null : <span className="hint">The shop’s policy gives no address: write it.</span>}
          </div>
          <div className="field">
            <label htmlFor="ship-by">Ship back by (the shop’s date)</label>
            <input
              id="ship-by"
              type="date"
              required={!defaultShipBy}
              value={shipDate}
              onChange={(e) => setShipDate(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="return-instructions">Instructions (optional)</label>
            <textarea
              id="return-instructions"
              rows={3}
              value={instructions}
              onChange={(e) => setInstructions(e.target.value)}
              aria-describedby="return-instructions-hint"
            />
            <span id="return-instructions-hint" className="hint">
              Left empty, Loupe writes them from the decision.
            </span>
          </div>
        </>
      ) : null}
      {plan.fields.includes('trackingNumber') ? (
        <div className="field">
          <label htmlFor="tracking-number">Tracking number</label>
          <input
            id="tracking-number"
            required
            value={trackingNumber}
            onChange={(e) => setTrackingNumber(e.target.value)}
          />
        </div>
      ) : null}
      {plan.fields.includes('findings')
        ? lines.map((id) => (
            <fieldset key={id}>
              <legend>What you found on line {id}</legend>
              {CONDITIONS.map(([fact, label]) => (
                <label key={fact} className="choice">
                  <input
                    type="checkbox"
                    checked={findings[id]?.[fact] ?? false}
                    onChange={(e) => setFindings((f) => ({ ...f, [id]: { ...f[id], [fact]: e.target.checked } }))}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          ))
        : null}
      {plan.fields.includes('resolution') ? (
        <div className="field">
          <label htmlFor="resolution">Remedy</label>
          <select
            id="resolution"
            required
            value={resolution ?? ''}
            onChange={(e) => setResolution(e.target.value as Resolution)}
          >
            {offered.map((r) => (
              <option key={r} value={r}>
                {words(r)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {plan.fields.includes('quote') ? (
        <>
          <div className="field">
            <label htmlFor="quote-amount">Repair price ({currency})</label>
            <input
              id="quote-amount"
              inputMode="decimal"
              required
              value={quote}
              onChange={(e) => setQuote(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="quote-description">What the repair is</label>
            <textarea
              id="quote-description"
              required
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
        </>
      ) : null}
      {plan.fields.includes('claimReference') ? (
        <div className="field">
          <label htmlFor="claim-reference">Courier claim reference</label>
          <input
            id="claim-reference"
            required
            value={claimReference}
            onChange={(e) => setClaimReference(e.target.value)}
          />
        </div>
      ) : null}
      {plan.fields.includes('answer') ? (
        <div className="field">
          <label htmlFor="answer">Answer to the customer</label>
          <textarea id="answer" required rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} />
        </div>
      ) : null}

      {act.error ? <ErrorNote error={act.error} title="Refused: nothing was changed" /> : null}
      <div className="actions">
        <button type="submit" disabled={act.isPending}>
          {act.isPending ? 'Working…' : `Confirm: ${plan.label.toLowerCase()}`}
        </button>
        <CancelButton />
      </div>
    </form>
  );
}

function inspectMail(shop: string, reference: string): string {
  return `None, unless what you found changes the decision: then “${shop}: …” with the new decision (${reference}).`;
}

/** What an action does to money, in one sentence. */
function moneyLine(
  action: PlannedAction,
  view: CaseView,
  currency: string,
  resolution: Resolution | undefined,
): string {
  const refundable = view.money ? formatMoney(view.money.refundableCents, currency) : undefined;
  if (action === 'inspect')
    return `None now. Loupe decides again with what you found: up to ${refundable ?? 'nothing'} can come back, and it can only shrink.`;
  if (action === 'resolve') {
    const order =
      resolution && NEW_ORDER_REMEDIES.includes(resolution) ? ` A ${words(resolution)} makes a new order.` : '';
    return `None: refunds and store credit are booked with their own buttons.${order}`;
  }
  if (action === 'authorize' && refundable) return `None now. Up to ${refundable} can come back after inspection.`;
  return 'None.';
}
