import type { DeskDeps } from '../../auth.ts';

/** Options of the sign-in routes: the desk's deps (absent without a database) and where the portal's pages are. */
export type PeopleRouteOptions = { deps: DeskDeps | undefined; publicUrl: string };

/** The one `security` of a sign-in route: the credentials are in the body. */
export const BODY_CREDENTIALS: Record<string, string[]>[] = [{}];
