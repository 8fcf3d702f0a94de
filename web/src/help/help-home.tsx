import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { faqByTopic, helpPath, type ShopHelp } from './help-api';
import { HelpPage } from './help-page';
import { buildHelpIndex, searchHelp, snippet } from './help-search';
import { Highlight } from './highlight';

/** The search box and its results; the query is kept in the address (`?q=`) so a search can be shared. */
function HelpSearch({ shopId, help }: { shopId: string; help: ShopHelp }) {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [typed, setTyped] = useState(query);
  // Back and forward move between searches: the box shows the search on screen.
  useEffect(() => setTyped(query), [query]);
  const index = useMemo(() => buildHelpIndex(shopId, help), [shopId, help]);
  const hits = useMemo(() => (query.trim() ? searchHelp(index, query) : []), [index, query]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  };
  return (
    <section aria-labelledby="search-heading" className="card help-search">
      <h2 id="search-heading">Search the help center</h2>
      <search>
        <form onSubmit={submit}>
          <label htmlFor="help-q">What do you want to know?</label>
          <div className="search-row">
            <input
              id="help-q"
              type="search"
              name="q"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder="e.g. returns, ring size"
              aria-describedby="help-q-hint"
            />
            <button type="submit">Search</button>
          </div>
          <p className="hint" id="help-q-hint">
            Searches the questions, the returns policy and the size guide.
          </p>
        </form>
      </search>
      <div aria-live="polite">
        {query.trim() ? (
          <p className="muted" id="search-count">
            {hits.length === 0
              ? `Nothing found for “${query}”. Try fewer words, or ask the shop.`
              : `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${query}”`}
          </p>
        ) : null}
      </div>
      {hits.length > 0 ? (
        <ol className="search-results" aria-labelledby="search-count">
          {hits.map((hit) => (
            <li key={hit.id}>
              <span className="badge">{hit.kind}</span> <Link to={hit.href}>{hit.title}</Link>
              <p className="snippet">
                <Highlight text={snippet(hit.text, hit.terms)} terms={hit.terms} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** What the shop answers by topic, and the ways to the policy, the size guide and an order. */
function HelpTopics({ shopId, help }: { shopId: string; help: ShopHelp }) {
  const topics = faqByTopic(help.faq);
  return (
    <div className="help-cards">
      <section aria-labelledby="order-heading" className="card">
        <h2 id="order-heading">About one of your orders?</h2>
        <p>Where it is, when it arrives, whether it can be returned: find it with its number and your email.</p>
        <Link className="button" to={`/shop/${shopId}`}>
          Find my order
        </Link>
      </section>
      {topics.length > 0 ? (
        <section aria-labelledby="topics-heading" className="card">
          <h2 id="topics-heading">Questions by topic</h2>
          <ul className="topic-list">
            {topics.map((t) => (
              <li key={t.slug}>
                <Link to={`${helpPath(shopId, 'faq')}#${t.slug}`}>{t.topic}</Link>{' '}
                <span className="muted">({t.entries.length})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="policy-heading" className="card">
        <h2 id="policy-heading">The policy</h2>
        <p>Returns, exchanges, refunds and warranty, in {help.shop.name}’s own words.</p>
        <Link to={helpPath(shopId, 'policy')}>Read the policy</Link>
      </section>
      {help.sizeGuide ? (
        <section aria-labelledby="size-heading" className="card">
          <h2 id="size-heading">Size guide</h2>
          <p>Ring sizes, necklace lengths and earring sizes.</p>
          <Link to={helpPath(shopId, 'size-guide')}>Open the size guide</Link>
        </section>
      ) : null}
    </div>
  );
}

/** The help center's home: search, then the topics and the ways on. */
export function HelpHome({ shopId }: { shopId: string }) {
  return (
    <HelpPage shopId={shopId} title={(help) => `How can ${help.shop.name} help?`}>
      {(help) => (
        <>
          <HelpSearch shopId={shopId} help={help} />
          <HelpTopics shopId={shopId} help={help} />
        </>
      )}
    </HelpPage>
  );
}
