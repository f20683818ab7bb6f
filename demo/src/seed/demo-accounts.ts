import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

const partnerKeyFile = (dataDir: string) => join(dataDir, "auth", "demo-partner-key");

export function saveDemoPartnerKey(dataDir: string, key: string): void {
  mkdirSync(join(dataDir, "auth"), { recursive: true });
  writeFileSync(partnerKeyFile(dataDir), `${key}\n`, { mode: 0o600 });
}

/** The seeded demo partner's API key, or null when this data directory was not seeded. */
export function demoPartnerKey(dataDir: string): string | null {
  try {
    return readFileSync(partnerKeyFile(dataDir), "utf8").trim();
  } catch {
    return null;
  }
}
