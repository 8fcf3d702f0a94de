import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiFailure, api, dataOrThrow } from '../api/client';
import { ErrorNote } from '../ui/error-note';
import { SESSION_KEY } from './use-staff-session';

/** What a refused sign-in tells a person: the password or email, or too many tries. */
function refusal(error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  if (error.status === 401) return 'That email and password do not match a staff account. Check both and try again.';
  if (error.status === 429) return `Too many attempts. ${error.body.message}`;
  return undefined;
}

/** The staff sign-in: email and password to a session cookie; the page asked for shows once signed in. */
export function SignInForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => dataOrThrow(await api.POST('/api/v1/sessions/staff', { body: { email, password } })),
    onSuccess: (who) => queryClient.setQueryData(SESSION_KEY, who),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const message = refusal(signIn.error);
  return (
    <main id="main" className="page narrow">
      <h1>Sign in to the back office</h1>
      <p className="muted">For the care team of the shops this Loupe serves.</p>
      <form onSubmit={submit} className="card" aria-describedby={signIn.error ? 'sign-in-error' : undefined}>
        <div className="field">
          <label htmlFor="staff-email">Email</label>
          <input
            id="staff-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="staff-password">Password</label>
          <input
            id="staff-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {signIn.error ? (
          <div id="sign-in-error">
            {message ? (
              <div className="error-note" role="alert">
                <strong>Not signed in</strong>
                <p>{message}</p>
              </div>
            ) : (
              <ErrorNote error={signIn.error} title="Not signed in" />
            )}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  );
}
