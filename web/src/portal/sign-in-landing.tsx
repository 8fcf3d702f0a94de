import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiFailure, api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { Loading } from '../ui/loading';
import { ShopFrame } from '../ui/shop-frame';
import { useShop, useShops } from '../ui/use-shop';
import { MyOrders } from './my-orders';
import './portal.css';

/** The token of `/sign-in#token=…`: in the fragment, so it never reaches a server log. */
const tokenOfLocation = (): string => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

/** Where a one-time sign-in link lands (`/sign-in#token=…`): signs the customer in and lists their orders. */
export default function SignInLanding() {
  const token = useRef(tokenOfLocation());
  const exchange = useMutation({
    mutationFn: async () => dataOrThrow(await api.POST('/api/v1/sessions/link', { body: { token: token.current } })),
  });
  const started = useRef(false);
  useEffect(() => {
    // Once: a link works once, so a second exchange would fail.
    if (started.current) return;
    started.current = true;
    if (token.current) {
      window.history.replaceState(null, '', window.location.pathname);
      exchange.mutate();
    }
  }, [exchange]);

  if (!token.current && !exchange.isSuccess) return <LinkProblem expired={false} />;
  if (exchange.error) {
    const refused = exchange.error instanceof ApiFailure && exchange.error.status === 401;
    return refused ? <LinkProblem expired /> : <LinkProblem expired={false} error={exchange.error} />;
  }
  if (!exchange.data) {
    return (
      <main id="main" className="page narrow">
        <h1>Signing you in</h1>
        <Loading />
      </main>
    );
  }
  return (
    <ShopFrame shopId={exchange.data.shopId}>
      <SignedIn shopId={exchange.data.shopId} email={exchange.data.email ?? ''} />
    </ShopFrame>
  );
}

function SignedIn({ shopId, email }: { shopId: string; email: string }) {
  const { shop } = useShop(shopId);
  const orders = useQuery({
    queryKey: ['my-orders'],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/sessions/current/orders')),
  });
  const brand = (shop as { brand?: { storefrontUrl?: string } } | undefined)?.brand;
  return (
    <main id="main" className="page narrow">
      <h1>Your orders</h1>
      <p>You are signed in as {email}.</p>
      {orders.error ? <ErrorNote error={orders.error} /> : null}
      {orders.data && shop ? (
        <MyOrders orders={orders.data} timeZone={shop.timeZone} storefrontUrl={brand?.storefrontUrl} />
      ) : (
        <Loading />
      )}
    </main>
  );
}

/** An expired or used link (or none): what happened and how to ask for a new one. */
function LinkProblem({ expired, error }: { expired: boolean; error?: unknown }) {
  const shops = useShops();
  return (
    <main id="main" className="page narrow">
      <h1>{expired ? 'This sign-in link has expired' : 'Sign in to your orders'}</h1>
      {expired ? (
        <p>
          Sign-in links work once, for 15 minutes. This one has expired or was already used. Ask for a new one from your
          shop’s page, or find your order with its number and your email.
        </p>
      ) : (
        <p>Find your order with its number and your email, or ask for a sign-in link from your shop’s page.</p>
      )}
      {error ? <ErrorNote error={error} /> : null}
      <ul>
        {(shops.data ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/shop/${s.id}`}>Ask {s.name} for a new link</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
