import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatMoney, words } from '../ui/format';
import type { CaseView } from './desk-types';
import { CancelButton, DialogShell, newIdempotencyKey } from './dialog-shell';
import { centsToInput, inputToCents } from './money-input';
import { paymentWords } from './payment-words';
import type { Shop } from './staff-shops';

/** Money going back on a case: to the order's payment method, or as a store-credit gift card. */
export type MoneyKind = 'refund' | 'store_credit';

const LABELS: Record<MoneyKind, string> = { refund: 'Refund', store_credit: 'Give store credit' };

/** A money button of the case view; its dialog shows the amount, the method and the mail, then books it once. */
export function MoneyDialog({
  kind,
  view,
  shop,
  leftCents,
  paymentMethod,
  onDone,
}: {
  kind: MoneyKind;
  view: CaseView;
  shop: Shop;
  leftCents: number;
  paymentMethod: string | undefined;
  onDone: (note: string) => void;
}) {
  return (
    <DialogShell label={LABELS[kind]} title={`${LABELS[kind]}: ${view.reference}`}>
      {(close) => (
        <MoneyForm
          kind={kind}
          view={view}
          shop={shop}
          leftCents={leftCents}
          paymentMethod={paymentMethod}
          onDone={(note) => {
            close();
            onDone(note);
          }}
        />
      )}
    </DialogShell>
  );
}

function MoneyForm({
  kind,
  view,
  shop,
  leftCents,
  paymentMethod,
  onDone,
}: {
  kind: MoneyKind;
  view: CaseView;
  shop: Shop;
  leftCents: number;
  paymentMethod: string | undefined;
  onDone: (note: string) => void;
}) {
  const queryClient = useQueryClient();
  const currency = view.money?.currency ?? shop.currency;
  // One key per dialog: a double click, or a retry after a lost answer, books the money once.
  const [key] = useState(newIdempotencyKey);
  const [amount, setAmount] = useState(centsToInput(leftCents, currency));
  const cents = inputToCents(amount, currency);
  const money = (c: number) => formatMoney(c, currency);
  const book = useMutation({
    mutationFn: async (amountCents: number) => {
      const params = { path: { id: view.id }, header: { 'idempotency-key': key } };
      if (kind === 'refund') {
        const { entry } = dataOrThrow(await api.POST('/api/v1/cases/{id}/refunds', { params, body: { amountCents } }));
        return `Refunded ${money(entry.amountCents)} to the customer’s ${paymentWords(entry.method)}.`;
      }
      const { giftCard } = dataOrThrow(
        await api.POST('/api/v1/cases/{id}/store-credit', { params, body: { amountCents } }),
      );
      return `Store credit of ${money(giftCard.initialCents)} issued as gift card ${giftCard.code}.`;
    },
    onSuccess: (note) => {
      void queryClient.invalidateQueries({ queryKey: ['case', view.id] });
      void queryClient.invalidateQueries({ queryKey: ['ledger', view.id] });
      void queryClient.invalidateQueries({ queryKey: ['mailbox'] });
      onDone(note);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (cents !== undefined && !book.isPending) book.mutate(cents);
  };
  const shown = cents === undefined ? '—' : money(cents);
  return (
    <form onSubmit={submit}>
      <section className="plan" aria-label="What this will do">
        <dl className="case-facts">
          <dt>State</dt>
          <dd>stays {words(view.state)}</dd>
          <dt>Money</dt>
          <dd>
            {kind === 'refund'
              ? `${shown} back to the customer’s ${paymentWords(paymentMethod)}`
              : `${shown} as a gift card with a new code, to spend at ${shop.name}`}
            {cents !== undefined && cents <= leftCents
              ? `; ${money(leftCents - cents)} left to give back after it`
              : ''}
          </dd>
          <dt>Mail</dt>
          <dd>
            {kind === 'refund'
              ? `${shop.name}: we refunded ${shown} (${view.reference})`
              : `${shop.name}: your store credit of ${shown} (${view.reference}), with the gift card’s code`}
          </dd>
        </dl>
      </section>
      <div className="field">
        <label htmlFor="money-amount">Amount ({currency})</label>
        <input
          id="money-amount"
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-describedby="money-amount-hint"
          aria-invalid={cents === undefined}
        />
        <span id="money-amount-hint" className="hint">
          At most {money(leftCents)} is left to give back on this case.
        </span>
      </div>
      {book.error ? <ErrorNote error={book.error} title="Refused: no money moved" /> : null}
      <div className="actions">
        <button type="submit" disabled={book.isPending || cents === undefined}>
          {book.isPending ? 'Booking…' : `Confirm: ${LABELS[kind].toLowerCase()} ${shown}`}
        </button>
        <CancelButton />
      </div>
    </form>
  );
}
