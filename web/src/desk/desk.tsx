import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ErrorNote } from '../ui/error-note';
import { Loading } from '../ui/loading';
import { NotFound } from '../ui/not-found';
import { CasePage } from './case-page';
import { DeskFrame } from './desk-frame';
import { ImportPage } from './import-page';
import { InboxPage } from './inbox-page';
import { MailboxPage } from './mailbox-page';
import { PoliciesIndex, PolicyPage } from './policy-page';
import { SignInForm } from './sign-in-form';
import type { StaffSession } from './staff-shops';
import { useStaffSession } from './use-staff-session';
import './desk.css';

// Charts (recharts) are heavy: only the dashboard's own chunk loads them.
const DashboardPage = lazy(() => import('./dashboard/dashboard-page'));

/** A page for signed-in staff; anyone else gets the sign-in form at the same address. */
function StaffOnly({ page }: { page: (who: StaffSession) => ReactNode }) {
  const session = useStaffSession();
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorNote error={session.error} title="The back office could not start" />;
  if (!session.data) return <SignInForm />;
  return (
    <DeskFrame who={session.data}>
      <Suspense fallback={<Loading />}>{page(session.data)}</Suspense>
    </DeskFrame>
  );
}

/** The back office: sign-in, inbox, case view, policy editor, import, mailbox, dashboard. */
export default function Desk() {
  return (
    <Routes>
      <Route index element={<StaffOnly page={() => <Navigate to="/desk/inbox" replace />} />} />
      <Route path="inbox" element={<StaffOnly page={(who) => <InboxPage who={who} />} />} />
      <Route path="cases/:caseId" element={<StaffOnly page={(who) => <CasePage who={who} />} />} />
      <Route path="mailbox" element={<StaffOnly page={(who) => <MailboxPage who={who} />} />} />
      <Route path="policies" element={<StaffOnly page={(who) => <PoliciesIndex who={who} />} />} />
      <Route path="policies/:shopId" element={<StaffOnly page={(who) => <PolicyPage who={who} />} />} />
      <Route path="import" element={<StaffOnly page={(who) => <ImportPage who={who} />} />} />
      <Route path="dashboard" element={<StaffOnly page={(who) => <DashboardPage who={who} />} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
