import { parseArgs } from "node:util";
import { DevIssuer, PERSON_ROLES, type Role } from "@venta/auth";
import { baseEnv, ConfigError, loadConfig } from "@venta/kit";
import { DEMO_ACCOUNTS, demoPartnerKey } from "./seed/demo-accounts.js";

const USAGE = `usage: npm run -s token -- --role customer|vendor|admin|partner [--user <id>] [--expires 12h]
  Prints a development token for \`Authorization: Bearer <token>\`. Without --user, the seeded demo
  account of that role (${Object.values(DEMO_ACCOUNTS)
    .map((a) => a.id)
    .join(", ")}). --role partner prints the seeded demo partner's API key, for \`X-Api-Key\`
  (partners use keys, not tokens; admins issue more with createPartnerKey).`;

/** `npm run token`: signs a token with the local development issuer the router trusts. */
async function main(): Promise<void> {
  const config = loadConfig(baseEnv);
  if (config.NODE_ENV === "production")
    throw new ConfigError("development tokens do not exist in production");
  const { values } = parseArgs({
    options: {
      role: { type: "string", multiple: true },
      user: { type: "string" },
      expires: { type: "string", default: "12h" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.role?.length) throw new ConfigError(USAGE);
  const roles = values.role.map((role) => role.toUpperCase());
  if (roles.includes("PARTNER")) {
    const key = demoPartnerKey(config.DATA_DIR);
    if (!key)
      throw new ConfigError(
        `no demo partner key in ${config.DATA_DIR}: run npm start (or npm run seed) first`,
      );
    process.stdout.write(`${key}\n`);
    return;
  }
  const unknown = roles.find((role) => !(PERSON_ROLES as readonly string[]).includes(role));
  if (unknown) throw new ConfigError(`--role ${unknown.toLowerCase()}: not a person's role\n${USAGE}`);
  const first = roles[0]?.toLowerCase() as keyof typeof DEMO_ACCOUNTS;
  const issuer = await DevIssuer.open(config.DATA_DIR);
  const token = await issuer.sign({
    userId: values.user ?? DEMO_ACCOUNTS[first].id,
    roles: roles as Role[],
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
