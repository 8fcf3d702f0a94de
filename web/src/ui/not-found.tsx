/** A page that is not there, with the way back. */
export function NotFound() {
  return (
    <main id="main" className="page narrow">
      <h1>Page not found</h1>
      <p>
        This address is not a page of Loupe. Start from <a href="/">the list of shops</a>.
      </p>
    </main>
  );
}
