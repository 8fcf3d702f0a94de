import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiFailure, api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { useShop } from '../ui/use-shop';
import { MyOrders } from './my-orders';
import { minutesToWait, useMyOrders } from './portal-api';

/** How a customer finds their order (number + email) or asks for a sign-in link; a signed-in customer sees their orders. */
export function FindOrder({ shopId }: { shopId: string }) {
  const { shop } = useShop(shopId);
  const mine = useMyOrders();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [email, setEmail] = useState('');
  const [linkEmail, setLinkEmail] = useState('');

  const lookUp = useMutation({
    mutationFn: async () => {
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/sessions/customer', {
          params: { path: { id: shopId } },
          body: { orderNumber: number, email },
        }),
      );
      const orders = dataOrThrow(await api.GET('/api/v1/sessions/current/orders'));
      const typed = number.trim().replace(/^#\s*/, '');
      return orders.find((o) => o.number === number.trim()) ?? orders.find((o) => o.number === typed) ?? orders[0];
    },
    onSuccess: async (order) => {
      await queryClient.invalidateQueries({ queryKey: ['my-orders'] });
      // A question from the help center goes along, to be answered for this order.
      const question = next ? `?${new URLSearchParams({ next, question: params.get('question') ?? '' })}` : '';
      if (order) navigate(`/shop/${shopId}/orders/${encodeURIComponent(order.number)}${question}`);
    },
  });
  const sendLink = useMutation({
    mutationFn: async () =>
      dataOrThrow(
        await api.POST('/api/v1/shops/{id}/sign-in-links', {
          params: { path: { id: shopId } },
          body: { email: linkEmail },
        }),
      ),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    lookUp.mutate();
  };
  const wait = minutesToWait(lookUp.error);
  const mismatch = lookUp.error instanceof ApiFailure && lookUp.error.status === 401;
  const brand = (shop as { brand?: { storefrontUrl?: string } } | undefined)?.brand;

  return (
    <main id="main" className="page narrow">
      <h1>Find your order</h1>
      {next ? (
        <p className="card">
          Find your order to see the answer to{' '}
          <strong>{params.get('question') ? `“${params.get('question')}”` : 'your question'}</strong> for it.
        </p>
      ) : null}
      {mine.data && mine.data.length > 0 && shop ? (
        <section aria-labelledby="your-orders">
          <h2 id="your-orders">Your orders</h2>
          <MyOrders orders={mine.data} timeZone={shop.timeZone} storefrontUrl={brand?.storefrontUrl} />
        </section>
      ) : null}
      <form onSubmit={submit} className="card" aria-labelledby="find-heading">
        <h2 id="find-heading">Your order number and email</h2>
        <div className="field">
          <label htmlFor="order-number">Order number</label>
          <input
            id="order-number"
            name="orderNumber"
            required
            autoComplete="off"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            aria-describedby="order-number-hint"
          />
          <p className="hint" id="order-number-hint">
            It is in your order confirmation email, e.g. #1001.
          </p>
        </div>
        <div className="field">
          <label htmlFor="order-email">Email</label>
          <input
            id="order-email"
            name="email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <p className="hint">The email you placed the order with.</p>
        </div>
        {wait !== undefined ? (
          <div className="error-note" role="alert">
            <strong>Too many attempts</strong>
            <p>
              For your security, please try again in {wait} {wait === 1 ? 'minute' : 'minutes'}.
            </p>
          </div>
        ) : mismatch ? (
          <div className="error-note" role="alert">
            <strong>We could not find that order</strong>
            <p>
              Check the order number in your confirmation email, and that the email is the one you placed the order
              with.
            </p>
          </div>
        ) : lookUp.error ? (
          <ErrorNote error={lookUp.error} />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={lookUp.isPending}>
            {lookUp.isPending ? 'Looking…' : 'Find my order'}
          </button>
        </div>
      </form>
      <form
        className="card"
        aria-labelledby="link-heading"
        onSubmit={(e) => {
          e.preventDefault();
          sendLink.mutate();
        }}
      >
        <h2 id="link-heading">Or get a sign-in link by email</h2>
        <p>
          We will email you a link to all your orders with {shop?.name ?? 'the shop'}. It works once, for 15 minutes.
        </p>
        <div className="field">
          <label htmlFor="link-email">Email</label>
          <input
            id="link-email"
            type="email"
            required
            autoComplete="email"
            value={linkEmail}
            onChange={(e) => setLinkEmail(e.target.value)}
          />
        </div>
        {sendLink.isSuccess ? (
          <p className="success-note" role="status">
            If {linkEmail} placed an order with us, a sign-in link is on its way. Check your inbox.
          </p>
        ) : null}
        {sendLink.error ? <ErrorNote error={sendLink.error} /> : null}
        <div className="actions">
          <button type="submit" className="secondary" disabled={sendLink.isPending}>
            Email me a sign-in link
          </button>
        </div>
      </form>
    </main>
  );
}
