import { Route, Routes } from 'react-router';
import { NotFound } from '../ui/not-found';

/** The back office: sign-in, inbox, case view, policy editor, import, mailbox, dashboard. */
export default function Desk() {
  return (
    <Routes>
      <Route
        index
        element={
          <main id="main" className="page">
            <h1>Loupe back office</h1>
          </main>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
