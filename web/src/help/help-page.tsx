import { type ReactNode, useEffect } from 'react';
import { NavLink, useLocation } from 'react-router';
import { ErrorNote } from '../ui/error-note';
import { Loading } from '../ui/loading';
import { useShop } from '../ui/use-shop';
import { helpPath, type ShopHelp, useShopHelp } from './help-api';

const PAGES = [
  { page: '', label: 'Help home' },
  { page: 'faq', label: 'Questions' },
  { page: 'policy', label: 'Policy' },
  { page: 'size-guide', label: 'Size guide' },
];

/** The help center's own links, the current page marked for screen readers. */
function HelpNav({ shopId }: { shopId: string }) {
  return (
    <nav aria-label="Help center" className="help-nav">
      <ul>
        {PAGES.map(({ page, label }) => (
          <li key={page}>
            <NavLink to={helpPath(shopId, page)} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * One page of the help center: the document title, the help links, the
 * heading, then the page drawn from the shop's help once it has loaded. A
 * `#anchor` in the address is scrolled to and focused once the page is there.
 */
export function HelpPage({
  shopId,
  title,
  children,
}: {
  shopId: string;
  title: string | ((help: ShopHelp) => string);
  children: (help: ShopHelp) => ReactNode;
}) {
  const { shop } = useShop(shopId);
  const help = useShopHelp(shopId);
  const heading = help.data ? (typeof title === 'string' ? title : title(help.data)) : undefined;
  const { hash } = useLocation();
  useEffect(() => {
    if (heading) document.title = `${heading} · ${shop?.name ?? 'Help'}`;
  }, [heading, shop?.name]);
  useEffect(() => {
    if (!help.data || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [help.data, hash]);
  return (
    <main id="main" className="page help-page">
      <HelpNav shopId={shopId} />
      {help.isPending ? <Loading what="Loading the help center" /> : null}
      {help.error ? <ErrorNote error={help.error} title="The help center could not be loaded" /> : null}
      {help.data ? (
        <>
          <h1>{heading}</h1>
          {children(help.data)}
        </>
      ) : null}
    </main>
  );
}

/** The shop's own sentences, shown as a quotation. */
export function ShopWords({ quotes, shopName }: { quotes: string[]; shopName: string }) {
  if (quotes.length === 0) return null;
  return (
    <figure className="shop-words">
      <blockquote className="quote">
        {quotes.map((q) => (
          <p key={q}>{q}</p>
        ))}
      </blockquote>
      <figcaption className="hint">{shopName}’s own words</figcaption>
    </figure>
  );
}
