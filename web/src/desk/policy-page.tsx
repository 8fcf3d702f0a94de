import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { formatInstant, formatMoney, words } from '../ui/format';
import { Loading } from '../ui/loading';
import { TableScroll } from '../ui/table-scroll';
import { newIdempotencyKey } from './dialog-shell';
import { type StaffSession, useStaffShops } from './staff-shops';

/** /desk/policies: the shops whose policy this person may read and edit. */
export function PoliciesIndex({ who }: { who: StaffSession }) {
  const { served, isPending } = useStaffShops(who);
  return (
    <main id="main" className="page">
      <h1>Policies</h1>
      {isPending ? <Loading /> : null}
      <ul>
        {served.map((s) => (
          <li key={s.id}>
            <Link to={`/desk/policies/${s.id}`}>{s.name}</Link> <span className="muted">(version {s.version})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}

type Finding = {
  level: 'error' | 'warning';
  code: string;
  clause?: string;
  path: (string | number)[];
  message: string;
};

/** A lint finding where it is: the field's path, the clause, the message. */
function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="success-note">The draft passes lint: no error, no warning.</p>;
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={`${f.code}-${f.path.join('.')}-${f.message}`} className={f.level === 'error' ? 'error-note' : 'card'}>
          <strong>{f.level === 'error' ? 'Error' : 'Warning'}</strong> at{' '}
          <code>{f.path.join('.') || '(the file)'}</code>
          {f.clause ? ` (clause ${f.clause})` : ''}: {f.message}
        </li>
      ))}
    </ul>
  );
}

/** /desk/policies/:shopId: the YAML in force, lint and how open cases would be decided under a draft, then publishing. */
export function PolicyPage({ who }: { who: StaffSession }) {
  const { shopId = '' } = useParams();
  const { served } = useStaffShops(who);
  const shop = served.find((s) => s.id === shopId);
  const versions = useQuery({
    queryKey: ['policy-versions', shopId],
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/shops/{id}/policy-versions', { params: { path: { id: shopId } } })),
  });
  const inForce = versions.data?.find((v) => v.inForce);
  const source = useQuery({
    queryKey: ['policy-version', shopId, inForce?.version],
    enabled: inForce !== undefined,
    queryFn: async () =>
      dataOrThrow(
        await api.GET('/api/v1/shops/{id}/policy-versions/{version}', {
          params: { path: { id: shopId, version: inForce?.version ?? '' } },
        }),
      ),
  });
  const [yaml, setYaml] = useState<string>();
  useEffect(() => {
    if (source.data && yaml === undefined) setYaml(source.data.yaml);
  }, [source.data, yaml]);
  const [publishKey, setPublishKey] = useState(newIdempotencyKey);
  const preview = useMutation({
    mutationFn: async (draft: string) =>
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/policy-versions/preview', {
          params: { path: { id: shopId } },
          body: { yaml: draft },
        }),
      ),
  });
  const publish = useMutation({
    mutationFn: async (draft: string) =>
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/policy-versions', {
          params: { path: { id: shopId }, header: { 'idempotency-key': publishKey } },
          body: { yaml: draft },
        }),
      ),
    onSuccess: () => {
      setPublishKey(newIdempotencyKey());
      void versions.refetch();
    },
  });
  const rendered = useMutation({
    mutationFn: async (draft: string) =>
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/policy-versions/render', {
          params: { path: { id: shopId } },
          body: { yaml: draft },
        }),
      ),
  });
  const edit = (text: string) => {
    setYaml(text);
    preview.reset();
    publish.reset();
    rendered.reset();
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!yaml) return;
    preview.mutate(yaml);
    rendered.mutate(yaml);
  };
  const errors = preview.data?.lint.filter((f) => f.level === 'error') ?? [];
  const currency = shop?.currency ?? 'USD';
  if (!shop)
    return versions.isPending ? (
      <Loading />
    ) : (
      <ErrorNote error={versions.error ?? new Error(`No shop “${shopId}” here.`)} />
    );
  return (
    <main id="main" className="page wide">
      <p>
        <Link to="/desk/policies">← Policies</Link>
      </p>
      <h1>{shop.name}’s policy</h1>
      {versions.error ? <ErrorNote error={versions.error} title="The versions could not be read" /> : null}
      {inForce ? (
        <p>
          In force: version <strong>{inForce.version}</strong>, since{' '}
          {formatInstant(inForce.effectiveFrom, shop.timeZone)}.{' '}
          <a href={`/api/v1/shops/${shop.id}/policy?format=html`}>Read it as customers do</a>.
        </p>
      ) : null}
      {source.error ? <ErrorNote error={source.error} title="The policy could not be read" /> : null}
      {yaml === undefined ? (
        <Loading what="Reading the policy" />
      ) : (
        <form onSubmit={check}>
          <div className="field">
            <label htmlFor="policy-yaml">Draft (YAML)</label>
            <textarea
              id="policy-yaml"
              className="policy-yaml"
              rows={24}
              spellCheck={false}
              value={yaml}
              onChange={(e) => edit(e.target.value)}
              aria-describedby="policy-yaml-hint"
            />
            <span id="policy-yaml-hint" className="hint">
              Give the draft a new <code>version</code> before publishing: a published version is never changed.
            </span>
          </div>
          <div className="actions">
            <button type="submit" disabled={preview.isPending}>
              {preview.isPending ? 'Checking…' : 'Check the draft'}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!preview.data || errors.length > 0 || publish.isPending}
              onClick={() => publish.mutate(yaml)}
            >
              {publish.isPending ? 'Publishing…' : 'Publish this version'}
            </button>
          </div>
        </form>
      )}
      {preview.error ? <ErrorNote error={preview.error} title="The draft could not be checked" /> : null}
      {publish.error ? <ErrorNote error={publish.error} title="Not published" /> : null}
      {publish.data ? (
        <p className="success-note" role="status">
          Published version {publish.data.version}: orders placed from{' '}
          {formatInstant(publish.data.effectiveFrom, shop.timeZone)} on are decided under it.
        </p>
      ) : null}
      {preview.data ? (
        <section aria-labelledby="lint-heading">
          <h2 id="lint-heading">Lint of version {preview.data.version}</h2>
          <FindingList findings={preview.data.lint} />
          <h2>Open cases under this draft</h2>
          {preview.data.cases.length === 0 ? (
            <p>No open case to decide again.</p>
          ) : (
            <TableScroll label="Each open case as decided now and under the draft">
              <table>
                <caption className="visually-hidden">Each open case as decided now and under the draft</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">State</th>
                    <th scope="col">Now</th>
                    <th scope="col">Under the draft</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.data.cases.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/desk/cases/${c.id}`}>{c.reference}</Link>
                      </th>
                      <td>{words(c.state)}</td>
                      <td>
                        {c.current
                          ? `${words(c.current.outcome)}, ${formatMoney(c.current.refundableCents, currency)}`
                          : '—'}
                      </td>
                      <td>
                        {'error' in c.draft
                          ? `cannot decide: ${c.draft.error}`
                          : `${words(c.draft.outcome)}, ${formatMoney(c.draft.refundableCents, currency)}`}{' '}
                        {c.changed ? (
                          <span className="badge overdue">Changes</span>
                        ) : (
                          <span className="badge ok">Same</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : null}
      {rendered.data ? (
        <section aria-labelledby="rendered-heading">
          <h2 id="rendered-heading">The draft as customers will read it</h2>
          {/* The shop's page is a document of its own: sandboxed, it runs nothing and reaches nothing. */}
          <iframe
            className="policy-rendered"
            sandbox=""
            title={`${shop.name}’s policy, version ${rendered.data.version}, as customers will read it`}
            srcDoc={rendered.data.html}
          />
        </section>
      ) : null}
    </main>
  );
}
