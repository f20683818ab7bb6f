/** What an account may do. A person can hold several roles (a vendor owner is also a customer). */
export const Role = {
  Customer: "CUSTOMER",
  Vendor: "VENDOR",
  Admin: "ADMIN",
  /** Held only by partner API keys, never by a person's token. */
  Partner: "PARTNER",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles a token from the identity provider may carry. */
export const PERSON_ROLES: readonly Role[] = [Role.Customer, Role.Vendor, Role.Admin];

/** What a partner API key unlocks, beyond the public data everyone can read. */
export const PartnerScope = {
  /** Send any query (within limits), not only the first-party apps' trusted documents. */
  Read: "READ",
  /** Open live subscriptions. */
  Subscribe: "SUBSCRIBE",
  /** Introspect the schema where anonymous introspection is off (production). */
  Introspect: "INTROSPECT",
} as const;
export type PartnerScope = (typeof PartnerScope)[keyof typeof PartnerScope];

export const PARTNER_SCOPES: readonly PartnerScope[] = Object.values(PartnerScope);
