import { useQueries } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant, words } from '../ui/format';
import { Loading } from '../ui/loading';
import { TableScroll } from '../ui/table-scroll';
import { CASE_STATES, CASE_TYPES, type CaseState, type CaseType, type InboxItem } from './desk-types';
import { type Shop, type StaffSession, useStaffShops } from './staff-shops';

const DUE_WORDS = { respond: 'Reply by', ship_back: 'Parcel due by', resolve: 'Resolve by' } as const;

/** The filters of the inbox, read from the address so a filtered view can be bookmarked. */
function readFilters(params: URLSearchParams) {
  const state = params.get('state');
  const type = params.get('type');
  const overdue = params.get('overdue');
  return {
    state: (CASE_STATES as readonly string[]).includes(state ?? '') ? (state as CaseState) : undefined,
    type: (CASE_TYPES as readonly string[]).includes(type ?? '') ? (type as CaseType) : undefined,
    shop: params.get('shop') ?? undefined,
    overdue: overdue === 'true' || overdue === 'false' ? (overdue as 'true' | 'false') : undefined,
  };
}

type Row = InboxItem & { shop: Shop };

/** Most urgent first across shops: by the moment due, cases due at no moment last. */
const byDue = (a: Row, b: Row) =>
  (a.due ? Date.parse(a.due.at) : Number.POSITIVE_INFINITY) -
    (b.due ? Date.parse(b.due.at) : Number.POSITIVE_INFINITY) || a.reference.localeCompare(b.reference);

/** /desk/inbox: the cases of every shop served, ordered by what is due, with filters in the URL. */
export function InboxPage({ who }: { who: StaffSession }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { served, isPending: shopsPending, error: shopsError } = useStaffShops(who);
  const shops = served.filter((s) => !filters.shop || s.id === filters.shop);
  const query = {
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.overdue ? { overdue: filters.overdue } : {}),
  };
  const inboxes = useQueries({
    queries: shops.map((shop) => ({
      queryKey: ['inbox', shop.id, query],
      queryFn: async () =>
        dataOrThrow(await api.GET('/api/v1/shops/{id}/inbox', { params: { path: { id: shop.id }, query } })),
    })),
  });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const error = shopsError ?? inboxes.find((q) => q.error)?.error;
  const pending = shopsPending || inboxes.some((q) => q.isPending);
  const rows: Row[] = shops
    .flatMap((shop, i) => (inboxes[i]?.data ?? []).map((item) => ({ ...item, shop })))
    .sort(byDue);
  const overdueCount = rows.filter((r) => r.overdue).length;
  return (
    <main id="main" className="page wide">
      <h1>Inbox</h1>
      <form className="card inbox-filters" aria-label="Filter the inbox" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-state">State</label>
          <select id="filter-state" value={filters.state ?? ''} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">Every open state</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-type">Type</label>
          <select id="filter-type" value={filters.type ?? ''} onChange={(e) => setFilter('type', e.target.value)}>
            <option value="">Every type</option>
            {CASE_TYPES.map((t) => (
              <option key={t} value={t}>
                {words(t)}
              </option>
            ))}
          </select>
        </div>
        {served.length > 1 ? (
          <div className="field">
            <label htmlFor="filter-shop">Shop</label>
            <select id="filter-shop" value={filters.shop ?? ''} onChange={(e) => setFilter('shop', e.target.value)}>
              <option value="">Every shop</option>
              {served.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-overdue">Due</label>
          <select
            id="filter-overdue"
            value={filters.overdue ?? ''}
            onChange={(e) => setFilter('overdue', e.target.value)}
          >
            <option value="">Overdue or not</option>
            <option value="true">Only overdue</option>
            <option value="false">Only on time</option>
          </select>
        </div>
      </form>
      {error ? <ErrorNote error={error} title="The inbox could not be read" /> : null}
      {pending ? (
        <Loading what="Reading the inbox" />
      ) : (
        <>
          <p role="status" className="muted">
            {rows.length === 1 ? '1 case' : `${rows.length} cases`}
            {overdueCount > 0 ? `, ${overdueCount} overdue` : ''}
          </p>
          {rows.length === 0 ? (
            <p>No case matches these filters.</p>
          ) : (
            <TableScroll label="Cases, the most urgent first">
              <table className="inbox">
                <caption className="visually-hidden">Cases, the most urgent first</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Due</th>
                    <th scope="col">Shop</th>
                    <th scope="col">Type</th>
                    <th scope="col">State</th>
                    <th scope="col">Order</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                      <th scope="row">
                        <Link to={`/desk/cases/${r.id}`}>{r.reference}</Link>
                      </th>
                      <td>
                        {r.due ? (
                          <>
                            {DUE_WORDS[r.due.kind]} {formatInstant(r.due.at, r.shop.timeZone)}
                            {r.overdue ? (
                              <>
                                {' '}
                                <span className="badge overdue">Overdue</span>
                              </>
                            ) : null}
                          </>
                        ) : (
                          <span className="muted">Nothing due</span>
                        )}
                      </td>
                      <td>{r.shop.name}</td>
                      <td>{words(r.type)}</td>
                      <td>{words(r.state)}</td>
                      <td>{r.orderNumber ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </main>
  );
}
