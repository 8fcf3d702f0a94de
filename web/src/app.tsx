import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './ui/loading';
import { NotFound } from './ui/not-found';

// Each area is its own chunk: a customer's order page never loads the back office.
const Portal = lazy(() => import('./portal/portal'));
const Help = lazy(() => import('./help/help'));
const Desk = lazy(() => import('./desk/desk'));
const SignInLanding = lazy(() => import('./portal/sign-in-landing'));

/** The web app's areas: a shop's portal and help center, the email sign-in landing, the back office. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/shop/:shopId/help/*" element={<Help />} />
        <Route path="/shop/:shopId/*" element={<Portal />} />
        <Route path="/sign-in" element={<SignInLanding />} />
        <Route path="/desk/*" element={<Desk />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
