import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNote } from './error-note';
import { useShop } from './use-shop';

type Brand = { color?: string; inkColor?: string };

/** A shop's page: skip link, the shop's name and colours, its portal and help links, then the page. */
export function ShopFrame({ shopId, children }: { shopId: string; children: ReactNode }) {
  const { shop, isPending, error } = useShop(shopId);
  // The page under the frame starts fetching its own data at once, beside the shop list, not after it.
  if (isPending) {
    return (
      <>
        <div className="shop-header">
          <div className="inner" aria-busy="true">
            <span className="shop-name">&nbsp;</span>
          </div>
        </div>
        {children}
      </>
    );
  }
  if (error) return <ErrorNote error={error} />;
  if (!shop) {
    return (
      <main id="main" className="page narrow">
        <h1>Shop not found</h1>
        <p>
          No shop here is called “{shopId}”. Start from <a href="/">the list of shops</a>.
        </p>
      </main>
    );
  }
  const brand = (shop as { brand?: Brand }).brand;
  const style = {
    ...(brand?.color ? { '--brand': brand.color } : {}),
    ...(brand?.inkColor ? { '--brand-ink': brand.inkColor } : {}),
  } as CSSProperties;
  return (
    <div style={style}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shop-header">
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
      </header>
      {children}
      <footer className="site-footer">
        <div className="inner">Customer care for {shop.name}, run by Loupe.</div>
      </footer>
    </div>
  );
}
