import { Role } from "@venta/auth";

/** A demo person: sign in as them with `npm run token -- --role <role>`. */
export interface DemoAccount {
  id: string;
  displayName: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS = {
  customer: { id: "demo-customer", displayName: "Casey Customer", roles: [Role.Customer] },
  vendor: { id: "demo-vendor", displayName: "Val Vendor", roles: [Role.Vendor, Role.Customer] },
  admin: { id: "demo-admin", displayName: "Ada Admin", roles: [Role.Admin] },
} as const satisfies Record<string, DemoAccount>;

/** How many of the seeded vendors belong to the demo vendor account (the first ones with a position). */
export const DEMO_VENDOR_FLEET = 3;
