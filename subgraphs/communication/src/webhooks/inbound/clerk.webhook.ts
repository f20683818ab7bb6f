import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import {
  type HandledWebhook,
  headerValue,
  PermanentWebhookError,
  parseBody,
  UnverifiedWebhookError,
  type WebhookHandler,
  type WebhookVerifier,
} from "./inbound-provider.js";

/** What the identity webhook needs of the contacts service: `services.contacts` has it. */
export interface IdentityContacts {
  upsertFromIdentity(input: {
    userId: string;
    email?: string | null;
    phone?: string | null;
    locale?: string | null;
    timeZone?: string | null;
  }): Promise<unknown>;
  eraseUser(userId: string): Promise<void>;
}

/** Whether a value is a Svix signing secret (`whsec_` and base64): the only kind `svix` accepts. */
export function isSvixSecret(value: string): boolean {
  if (!value.startsWith("whsec_")) return false;
  try {
    new Webhook(value);
    return true;
  } catch {
    return false;
  }
}

/** Clerk signs with Svix: `svix-id`, `svix-timestamp` (5 minutes' tolerance) and `svix-signature`. */
export function clerkVerifier(secret: string): WebhookVerifier {
  const webhook = new Webhook(secret);
  return (body, headers) => {
    const svixHeaders = {
      "svix-id": headerValue(headers, "svix-id") ?? "",
      "svix-timestamp": headerValue(headers, "svix-timestamp") ?? "",
      "svix-signature": headerValue(headers, "svix-signature") ?? "",
    };
    let payload: unknown;
    try {
      payload = webhook.verify(body, svixHeaders);
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new UnverifiedWebhookError(error.message);
      throw error;
    }
    const type = z.object({ type: z.string().min(1) }).safeParse(payload);
    if (!type.success) throw new UnverifiedWebhookError("the event has no type");
    // Svix's message id names the event, and stays the same on every redelivery of it.
    return { eventId: svixHeaders["svix-id"], type: type.data.type };
  };
}

const clerkUser = z.object({
  id: z.string().min(1),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z.array(z.object({ id: z.string(), email_address: z.string() })).default([]),
  primary_phone_number_id: z.string().nullish(),
  phone_numbers: z.array(z.object({ id: z.string(), phone_number: z.string() })).default([]),
  locale: z.string().nullish(),
});

const clerkEvent = z.object({ type: z.string(), data: z.unknown() });

/**
 * Keeps communication's contact details in step with Clerk: a person's primary email and phone
 * (cleared when they have none) and locale on `user.created` / `user.updated`; everything held on
 * them erased on `user.deleted`.
 */
export function clerkHandler(contacts: IdentityContacts): WebhookHandler {
  return async (event): Promise<HandledWebhook> => {
    const parsed = clerkEvent.safeParse(parseBody(event));
    if (!parsed.success) throw new PermanentWebhookError("not a Clerk event");
    const { type, data } = parsed.data;
    if (type === "user.created" || type === "user.updated") {
      const user = clerkUser.safeParse(data);
      if (!user.success)
        throw new PermanentWebhookError(`malformed ${type}: ${user.error.issues[0]?.message}`);
      const u = user.data;
      const email = u.email_addresses.find((e) => e.id === u.primary_email_address_id)?.email_address ?? null;
      const phone = u.phone_numbers.find((p) => p.id === u.primary_phone_number_id)?.phone_number ?? null;
      await permanentOnBadInput(() =>
        contacts.upsertFromIdentity({
          userId: u.id,
          email,
          phone,
          ...(u.locale ? { locale: u.locale } : {}),
        }),
      );
      return { status: "PROCESSED", events: [] };
    }
    if (type === "user.deleted") {
      const user = z.object({ id: z.string().min(1) }).safeParse(data);
      if (!user.success) throw new PermanentWebhookError("user.deleted without a user id");
      await contacts.eraseUser(user.data.id);
      return { status: "PROCESSED", events: [] };
    }
    return { status: "IGNORED", reason: `Venta does nothing with Clerk's ${type}` };
  };
}

/** The contacts service refuses malformed details with BAD_USER_INPUT: retrying would not help. */
async function permanentOnBadInput(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (code === "BAD_USER_INPUT") throw new PermanentWebhookError((error as Error).message);
    throw error;
  }
}
