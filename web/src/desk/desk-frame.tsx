import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import type { StaffSession } from './staff-shops';
import { SESSION_KEY } from './use-staff-session';

const LINKS = [
  { to: '/desk/inbox', label: 'Inbox' },
  { to: '/desk/mailbox', label: 'Mailbox' },
  { to: '/desk/policies', label: 'Policies' },
  { to: '/desk/import', label: 'Import' },
  { to: '/desk/dashboard', label: 'Dashboard' },
];

/** Every back-office page: skip link, the areas, who is signed in and signing out, then the page. */
export function DeskFrame({ who, children }: { who: StaffSession; children: ReactNode }) {
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/api/v1/sessions/current');
      if (result.response.status !== 204) dataOrThrow(result);
    },
    onSuccess: () => {
      queryClient.setQueryData(SESSION_KEY, null);
      // What the person saw signed in is not kept for whoever signs in next.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
  return (
    <div className="desk">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shop-header desk-header">
        <div className="inner">
          <span className="shop-name">Loupe back office</span>
          <nav aria-label="Back office">
            <ul>
              {LINKS.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to}>{l.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="desk-who">
            <span>
              {who.name ?? 'staff'} ({who.role}
              {who.shopId === '*' ? ', every shop' : `, ${who.shopId}`})
            </span>
            {who.authenticatedBy === 'session' ? (
              <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                Sign out
              </button>
            ) : null}
          </div>
        </div>
      </header>
      {signOut.error ? <ErrorNote error={signOut.error} title="Not signed out" /> : null}
      {children}
    </div>
  );
}
