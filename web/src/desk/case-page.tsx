import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { Loading } from '../ui/loading';
import { ACTION_PLANS, remediesOf } from './action-plans';
import { type ActionContext, CaseActionDialog } from './case-action-dialog';
import { CaseMessages } from './case-messages';
import { CaseDecision, CaseLedgerSection, CaseOrder, CaseSummary, CaseTimeline } from './case-sections';
import { MoneyDialog } from './money-dialog';
import { type StaffSession, useStaffShops } from './staff-shops';

/** The shop's contact address from its policy: where returns go unless staff write another. */
function useContactAddress(shopId: string | undefined) {
  return useQuery({
    queryKey: ['policy-contact', shopId],
    enabled: shopId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const policy = dataOrThrow(
        await api.GET('/api/v1/shops/{id}/policy', {
          params: { path: { id: shopId ?? '' }, query: { format: 'json' } },
        }),
      ) as { profile?: { contact?: { address?: string } } };
      return policy.profile?.contact?.address ?? null;
    },
  });
}

/** /desk/cases/:caseId: the order, the decision and its reasons, actions, money, messages and timeline. */
export function CasePage({ who }: { who: StaffSession }) {
  const { caseId = '' } = useParams();
  const [note, setNote] = useState<string>();
  const { served } = useStaffShops(who);
  const view = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const ledger = useQuery({
    queryKey: ['ledger', caseId],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/cases/{id}/ledger', { params: { path: { id: caseId } } })),
  });
  const shopId = view.data?.shop;
  const number = view.data?.order?.number;
  const order = useQuery({
    queryKey: ['order', shopId, number],
    enabled: shopId !== undefined && number !== undefined,
    queryFn: async () =>
      dataOrThrow(
        await api.GET('/api/v1/shops/{id}/orders/{number}', {
          params: { path: { id: shopId ?? '', number: number ?? '' } },
        }),
      ),
  });
  const contact = useContactAddress(shopId);
  const shop = served.find((s) => s.id === shopId);

  if (view.error) {
    return (
      <main id="main" className="page">
        <h1>Case not shown</h1>
        <ErrorNote error={view.error} title="The case could not be read" />
        <p>
          <Link to="/desk/inbox">Back to the inbox</Link>
        </p>
      </main>
    );
  }
  if (view.isPending || !shop || contact.isPending) return <Loading what="Reading the case" />;
  const c = view.data;
  const context: ActionContext = { view: c, shop, contactAddress: contact.data ?? undefined };
  const offered = remediesOf(c);
  // Money goes back once the goods are back and inspected, or straight away when none come back.
  const moneyDue =
    c.state === 'inspected' ||
    c.state === 'resolved' ||
    (c.state === 'decided_approved' && !c.decision?.returnRequired);
  const left = moneyDue ? (ledger.data?.leftToRefundCents ?? 0) : 0;
  const actions = c.allowedActions.filter((a): a is keyof typeof ACTION_PLANS => a in ACTION_PLANS);
  const paymentMethod = order.data?.order.paymentMethod;
  return (
    <main id="main" className="page wide">
      <p>
        <Link to="/desk/inbox">← Inbox</Link>
      </p>
      <h1>Case {c.reference}</h1>
      {note ? (
        <p className="success-note" role="status">
          {note}
        </p>
      ) : null}
      <div className="two-columns">
        <div>
          <CaseDecision view={c} shop={shop} />
          {order.data ? <CaseOrder order={order.data} shop={shop} /> : null}
          {order.error ? <ErrorNote error={order.error} title="The order could not be read" /> : null}
          <CaseMessages view={c} shop={shop} />
          <CaseTimeline view={c} shop={shop} />
        </div>
        <div>
          <section className="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">Actions</h2>
            {actions.length === 0 && left === 0 ? <p className="muted">Nothing to do on this case now.</p> : null}
            <div className="actions">
              {actions.map((a) => (
                <CaseActionDialog key={a} action={a} context={context} onDone={setNote} />
              ))}
              {left > 0 && offered.some((r) => r === 'refund' || r === 'partial_refund') ? (
                <MoneyDialog
                  kind="refund"
                  view={c}
                  shop={shop}
                  leftCents={left}
                  paymentMethod={paymentMethod}
                  onDone={setNote}
                />
              ) : null}
              {left > 0 && offered.includes('store_credit') ? (
                <MoneyDialog
                  kind="store_credit"
                  view={c}
                  shop={shop}
                  leftCents={left}
                  paymentMethod={paymentMethod}
                  onDone={setNote}
                />
              ) : null}
            </div>
          </section>
          <CaseSummary view={c} shop={shop} />
          {ledger.data ? <CaseLedgerSection ledger={ledger.data} shop={shop} /> : null}
          {ledger.error ? <ErrorNote error={ledger.error} title="The ledger could not be read" /> : null}
        </div>
      </div>
    </main>
  );
}
