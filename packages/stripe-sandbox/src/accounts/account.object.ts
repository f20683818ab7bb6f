export const ACCOUNT_TYPES = ["express", "standard"] as const;
export const CAPABILITIES = ["card_payments", "transfers"] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];
export type CapabilityStatus = "active" | "inactive" | "pending";

export interface AccountRequirements {
  alternatives: [];
  current_deadline: null;
  currently_due: string[];
  disabled_reason: string | null;
  errors: [];
  eventually_due: string[];
  past_due: string[];
  pending_verification: [];
}

/** A connected account as Stripe returns it (`object: "account"`). */
export interface Account {
  id: string;
  object: "account";
  business_type: "individual" | "company" | "non_profit" | "government_entity" | null;
  capabilities: Partial<Record<CapabilityName, CapabilityStatus>>;
  charges_enabled: boolean;
  country: string;
  created: number;
  default_currency: string;
  details_submitted: boolean;
  email: string | null;
  metadata: Record<string, string>;
  payouts_enabled: boolean;
  requirements: AccountRequirements;
  tos_acceptance: { date: number | null; ip: string | null; user_agent: string | null };
  type: (typeof ACCOUNT_TYPES)[number];
}

export function capabilitiesIn(
  names: readonly CapabilityName[],
  status: CapabilityStatus,
): Account["capabilities"] {
  const capabilities: Account["capabilities"] = {};
  for (const name of names) capabilities[name] = status;
  return capabilities;
}

/** What an account must still provide before it can take charges: what onboarding collects. */
const ONBOARDING_FIELDS = ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"];

export function requirementsBeforeOnboarding(): AccountRequirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...ONBOARDING_FIELDS],
    disabled_reason: "requirements.past_due",
    errors: [],
    eventually_due: [...ONBOARDING_FIELDS],
    past_due: [...ONBOARDING_FIELDS],
    pending_verification: [],
  };
}

export function requirementsMet(): AccountRequirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}
