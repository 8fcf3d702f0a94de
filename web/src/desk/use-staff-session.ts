import { useQuery } from '@tanstack/react-query';
import { ApiFailure, api, dataOrThrow } from '../api/client';

/** The query key of the signed-in person, so signing in and out can refresh it. */
export const SESSION_KEY = ['session', 'current'] as const;

/**
 * Who is signed in to the back office: the session view, `null` when nobody
 * is (401), a staff member otherwise. A customer's session is not staff: null.
 */
export function useStaffSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        const who = dataOrThrow(await api.GET('/api/v1/sessions/current'));
        return who.role === 'customer' ? null : who;
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 401) return null;
        throw error;
      }
    },
  });
}
