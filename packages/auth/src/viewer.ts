import { PARTNER_SCOPES, type PartnerScope, Role } from "./roles.js";

/** The partner behind an API key. */
export interface PartnerIdentity {
  keyId: string;
  name: string;
  scopes: readonly PartnerScope[];
}

/**
 * A partner identity read from JSON another service sent; null when it is not one. Scopes this
 * service does not know are dropped: a newer service may grant more.
 */
export function partnerIdentityFrom(value: unknown): PartnerIdentity | null {
  if (typeof value !== "object" || value === null) return null;
  const { keyId, name, scopes } = value as Record<string, unknown>;
  if (typeof keyId !== "string" || typeof name !== "string" || !Array.isArray(scopes)) return null;
  return {
    keyId,
    name,
    scopes: scopes.filter((s): s is PartnerScope => (PARTNER_SCOPES as readonly unknown[]).includes(s)),
  };
}

/**
 * Who is calling, as the router established it: a person (with a user id and roles), a partner
 * key, or nobody. Resolvers decide with this, never with raw headers.
 */
export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
  partner: PartnerIdentity | null;
}

export const anonymous: Viewer = Object.freeze({ userId: null, roles: [], partner: null });

export const personViewer = (userId: string, roles: readonly Role[]): Viewer => ({
  userId,
  roles,
  partner: null,
});

export const partnerViewer = (partner: PartnerIdentity): Viewer => ({
  userId: null,
  roles: [Role.Partner],
  partner,
});

export const hasRole = (viewer: Viewer, role: Role): boolean => viewer.roles.includes(role);

export const isAdmin = (viewer: Viewer): boolean => hasRole(viewer, Role.Admin);

export const hasScope = (viewer: Viewer, scope: PartnerScope): boolean =>
  viewer.partner?.scopes.includes(scope) ?? false;
