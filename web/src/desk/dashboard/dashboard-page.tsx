import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, dataOrThrow } from '../../api/client';
import { ErrorNote } from '../../ui/error-note';
import { formatLocalDate, words } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { type StaffSession, useStaffShops } from '../staff-shops';

type Datum = { label: string; value: number };

/**
 * One chart and its text alternative: the chart is hidden from screen readers
 * (and out of the tab order), the sentence and the table beside it say the same figures.
 */
function ChartFigure({
  id,
  title,
  summary,
  data,
  kind = 'bar',
  unit,
}: {
  id: string;
  title: string;
  summary: string;
  data: Datum[];
  kind?: 'bar' | 'line';
  unit: string;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p>{summary}</p>
      {data.length ? (
        <div className="chart-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            {kind === 'line' ? (
              <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip />
                <Line type="monotone" dataKey="value" name={unit} stroke="#3b3b6d" strokeWidth={2} />
              </LineChart>
            ) : (
              <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip />
                <Bar dataKey="value" name={unit} fill="#3b3b6d" />
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      ) : null}
      <details>
        <summary>The figures as a table</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{id === 'volume' ? 'Week of' : 'What'}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{d.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** /desk/dashboard: case volume over time, reasons, outcomes and time to resolution, per shop. */
export default function DashboardPage({ who }: { who: StaffSession }) {
  const [params, setParams] = useSearchParams();
  const { served, isPending } = useStaffShops(who);
  const shopId = params.get('shop') ?? served[0]?.id;
  const days = Number(params.get('days') ?? 90) || 90;
  const shop = served.find((s) => s.id === shopId);
  const stats = useQuery({
    queryKey: ['stats', shopId, days],
    enabled: shopId !== undefined,
    queryFn: async () =>
      dataOrThrow(
        await api.GET('/api/v1/shops/{id}/stats', { params: { path: { id: shopId ?? '' }, query: { days } } }),
      ),
  });
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next);
  };
  const s = stats.data;
  const top = s?.reasons[0];
  return (
    <main id="main" className="page wide">
      <h1>Dashboard</h1>
      <form className="card inbox-filters" aria-label="Choose the figures" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dashboard-shop">Shop</label>
          <select id="dashboard-shop" value={shopId ?? ''} onChange={(e) => set('shop', e.target.value)}>
            {served.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-days">Period</label>
          <select id="dashboard-days" value={days} onChange={(e) => set('days', e.target.value)}>
            <option value={30}>Last 30 days</option>
            <option value={90}>Last 90 days</option>
            <option value={365}>Last year</option>
          </select>
        </div>
      </form>
      {isPending || stats.isPending ? <Loading what="Counting" /> : null}
      {stats.error ? <ErrorNote error={stats.error} title="The figures could not be read" /> : null}
      {s && shop ? (
        <>
          <p role="status">
            {shop.name}: {plural(s.opened, 'case')} opened in the last {days} days.
          </p>
          <div className="dashboard-grid">
            <ChartFigure
              id="volume"
              title="Cases opened per week"
              unit="cases"
              kind="line"
              summary={
                s.volume.length
                  ? `${plural(s.opened, 'case')} over ${plural(s.volume.length, 'week')}; the busiest week, of ${formatLocalDate(
                      [...s.volume].sort((a, b) => b.opened - a.opened)[0]?.week ?? s.volume[0]?.week ?? '',
                    )}, had ${Math.max(...s.volume.map((v) => v.opened))}.`
                  : 'No case was opened in this period.'
              }
              data={s.volume.map((v) => ({ label: formatLocalDate(v.week), value: v.opened }))}
            />
            <ChartFigure
              id="reasons"
              title="Why customers asked"
              unit="cases"
              summary={top ? `Most often: ${words(top.reason)} (${plural(top.count, 'case')}).` : 'No request yet.'}
              data={s.reasons.map((r) => ({ label: words(r.reason), value: r.count }))}
            />
            <ChartFigure
              id="outcomes"
              title="Outcomes"
              unit="cases"
              summary={
                s.outcomes.length
                  ? s.outcomes.map((o) => `${words(o.outcome)}: ${o.count}`).join(', ')
                  : 'No decision yet.'
              }
              data={s.outcomes.map((o) => ({ label: words(o.outcome), value: o.count }))}
            />
            <ChartFigure
              id="resolution"
              title="Time to resolution"
              unit="cases"
              summary={
                s.resolution.resolved
                  ? `${plural(s.resolution.resolved, 'case')} resolved; half within ${s.resolution.medianHours} hours, ${s.resolution.averageHours} hours on average.`
                  : 'No case opened in this period is resolved yet.'
              }
              data={s.resolution.buckets.map((b) => ({ label: b.bucket, value: b.count }))}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}
