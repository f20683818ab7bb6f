import { linkToken, unixSeconds } from "../api/ids.js";
import { list, oneOf, readParams, required, text } from "../api/params.js";
import { invalidRequest } from "../http/api-error.js";
import type { PageRoute, Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";
import { type Account, CAPABILITIES, capabilitiesIn, requirementsMet } from "./account.object.js";

/** Stripe's account links expire a few minutes after they are made. */
const LINK_LIFETIME_SECONDS = 300;

const createParams = {
  account: required(text()),
  type: required(oneOf(["account_onboarding", "account_update"])),
  // Optional in Stripe's reference, yet an onboarding link cannot finish without them: required here.
  refresh_url: required(text({ maxLength: 2048 })),
  return_url: required(text({ maxLength: 2048 })),
  expand: list(text()),
};

/** Where the browser is sent: an absolute http(s) URL, kept exactly as given. */
function absoluteUrl(value: string, param: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== "http:" && url?.protocol !== "https:")
    throw invalidRequest("Not a valid URL", { code: "url_invalid", param });
  return value;
}

export function accountLinkRoutes({ state, baseUrl }: SandboxContext): Route[] {
  return [
    {
      method: "POST",
      path: "/v1/account_links",
      handle: ({ params }) => {
        const sent = readParams(createParams, params);
        const account = state.accounts.require(sent.account, "account");
        // Update links serve accounts whose platform collects requirements (Custom), which the
        // sandbox does not make: Express and Standard accounts only ever onboard.
        if (sent.type === "account_update")
          throw invalidRequest(
            `You cannot create \`account_update\` type Account Links for ${account.type} accounts.`,
            {
              param: "type",
            },
          );
        const refreshUrl = absoluteUrl(sent.refresh_url, "refresh_url");
        const returnUrl = absoluteUrl(sent.return_url, "return_url");
        const created = unixSeconds();
        const token = linkToken();
        state.accountLinks.set(token, {
          account: account.id,
          refreshUrl,
          returnUrl,
          expiresAt: created + LINK_LIFETIME_SECONDS,
          visited: false,
        });
        // Shaped like Stripe's hosted onboarding address (`/setup/e/<account>/<token>` for Express).
        const flow = account.type === "express" ? "e" : "s";
        return {
          object: "account_link",
          created,
          expires_at: created + LINK_LIFETIME_SECONDS,
          url: `${baseUrl()}/setup/${flow}/${account.id}/${token}`,
        };
      },
    },
  ];
}

/**
 * Opening an onboarding link stands for the person completing Stripe's hosted onboarding: the
 * account can take charges and be paid out, `account.updated` is sent, and the browser goes to the
 * link's `return_url`. A link opened twice or after it expired goes to `refresh_url` instead, as
 * on Stripe, where the platform must make a new link.
 */
export function onboardingPages({ state, events }: SandboxContext): PageRoute[] {
  return [
    {
      path: "/setup/:flow/:account/:token",
      visit: (path, visitor) => {
        const link = state.accountLinks.get(path.token ?? "");
        if (!link || link.account !== path.account) return undefined;
        if (link.visited || unixSeconds() > link.expiresAt) return { location: link.refreshUrl };
        link.visited = true;
        const account = state.accounts.require(link.account);
        if (!account.details_submitted) completeOnboarding(account, visitor, events);
        return { location: link.returnUrl };
      },
    },
  ];
}

function completeOnboarding(
  account: Account,
  visitor: { ip: string | null; userAgent: string | null },
  events: SandboxContext["events"],
): void {
  const previous = {
    capabilities: { ...account.capabilities },
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: structuredClone(account.requirements),
    tos_acceptance: { ...account.tos_acceptance },
  };
  account.capabilities = capabilitiesIn(
    CAPABILITIES.filter((name) => account.capabilities[name] !== undefined),
    "active",
  );
  account.charges_enabled = true;
  account.details_submitted = true;
  account.payouts_enabled = true;
  account.requirements = requirementsMet();
  account.tos_acceptance = { date: unixSeconds(), ip: visitor.ip, user_agent: visitor.userAgent };
  events.emit("account.updated", account, { previousAttributes: previous, account: account.id });
}
