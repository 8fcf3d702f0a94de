import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNote } from './error-note';
import { useShop } from './use-shop';

type Brand = { color?: string; inkColor?: string };

/** A shop's page: skip link, the shop's name and colours, its portal and help links, then the page. */
export function ShopFrame({ shopId, children }: { shopId: string; children: ReactNode }) {
  const { shop, isPending, error } = useShop(shopId);
  if (error) return <ErrorNote error={error} />;
  if (!isPending && !shop) {
    return (
      <main id="main" className="page narrow">
        <h1>Shop not found</h1>
        <p>
          No shop here is called “{shopId}”. Start from <a href="/">the list of shops</a>.
        </p>
      </main>
    );
  }
  const brand = (shop as { brand?: Brand } | undefined)?.brand;
  const style = {
    ...(brand?.color ? { '--brand': brand.color } : {}),
    ...(brand?.inkColor ? { '--brand-ink': brand.inkColor } : {}),
  } as CSSProperties;
  // One tree while the shop list loads and after: the page under the frame starts fetching its own data at
  // once, and is not mounted again when the shop arrives (which would empty a form the customer began).
  return (
    <div style={style}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shop-header">
        {shop ? (
          <div className="inner">
            <Link className="shop-name" to={`/shop/${shop.id}`}>
              {shop.name}
            </Link>
            <nav aria-label="Customer care">
              <ul>
                <li>
                  <Link to={`/shop/${shop.id}`}>Your orders</Link>
                </li>
                <li>
                  <Link to={`/shop/${shop.id}/help`}>Help</Link>
                </li>
              </ul>
            </nav>
          </div>
        ) : (
          <div className="inner" aria-busy="true">
            <span className="shop-name">&nbsp;</span>
          </div>
        )}
      </header>
      {children}
      {shop ? (
        <footer className="site-footer">
          <div className="inner">Customer care for {shop.name}, run by Loupe.</div>
        </footer>
      ) : null}
    </div>
  );
}
