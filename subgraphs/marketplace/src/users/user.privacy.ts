import { isAdmin, type Viewer } from "@venta/auth";

/**
 * Who sees an account's private fields (preferences, locale, time zone, loyalty): the person
 * themself and admins. Everyone else gets null rather than an error, because accounts appear inside
 * public data (vendor owners, review authors) and asking for a field must not fail a whole response.
 */
export const canSeePrivate = (viewer: Viewer, userId: string): boolean =>
  isAdmin(viewer) || (viewer.userId !== null && viewer.userId === userId);
