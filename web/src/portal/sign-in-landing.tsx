/** Where a one-time sign-in link lands (`/sign-in#token=…`). */
export default function SignInLanding() {
  return (
    <main id="main" className="page narrow">
      <h1>Signing you in</h1>
    </main>
  );
}
