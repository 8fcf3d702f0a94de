import { Link } from 'react-router';

/** A page the customer must sign in for: how to. */
export function SignInNeeded({ shopId }: { shopId: string }) {
  return (
    <main id="main" className="page narrow">
      <h1>Please find your order first</h1>
      <p>
        To see an order and its requests, <Link to={`/shop/${shopId}`}>enter your order number and email</Link>, or use
        the sign-in link we emailed you.
      </p>
    </main>
  );
}
