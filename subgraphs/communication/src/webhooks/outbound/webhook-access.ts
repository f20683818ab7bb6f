import { forbidden, isAdmin, unauthenticated, type Viewer } from "@venta/auth";

/**
 * Webhooks are managed with a partner API key, or by an admin. Decided on the key itself rather
 * than the PARTNER role: a key sent along with a person's token keeps the person's roles.
 */
export function partnerOrAdmin(viewer: Viewer): Viewer {
  if (viewer.userId === null && viewer.partner === null) throw unauthenticated();
  if (viewer.partner === null && !isAdmin(viewer))
    throw forbidden("webhook subscriptions are managed with a partner API key, or by an admin");
  return viewer;
}
