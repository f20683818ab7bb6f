/** The ways Venta reaches a person outside the app. */
export const CHANNELS = ["PUSH", "EMAIL", "SMS"] as const;
export type Channel = (typeof CHANNELS)[number];

/** What kind of device a push token belongs to; it decides which push service delivers to it. */
export const PUSH_PLATFORMS = ["IOS", "ANDROID", "WEB"] as const;
export type PushPlatform = (typeof PUSH_PLATFORMS)[number];

/** One message to one destination: an e-mail address, an E.164 phone number or a push device token. */
export interface OutgoingMessage {
  to: string;
  /** The push title or e-mail subject; text messages have none. */
  title: string;
  body: string;
  /** Key-value pairs the app reads from a push (deep links); other channels ignore them. */
  data: Record<string, string>;
}

export interface SendReceipt {
  /** The provider's id for the message (FCM message name, APNs id, Twilio SID, SMTP message id). */
  providerMessageId: string | null;
}

/** One adapter per provider; every channel is reached through this port. */
export interface MessageChannel {
  /** Which adapter this is, for logs and health: `smtp`, `twilio`, `fcm`, `apns`, `local`. */
  readonly adapter: string;
  /**
   * Hands the message to the provider. Throws {@link DeliveryRejected} when trying again cannot
   * help; any other error is worth another attempt later.
   */
  send(message: OutgoingMessage): Promise<SendReceipt>;
  close(): Promise<void>;
}

/**
 * The provider refused the message for good (a malformed address, an unknown number): retrying
 * would be refused the same way. `destinationGone` says the destination no longer exists (an
 * uninstalled app's push token) and should be forgotten.
 */
export class DeliveryRejected extends Error {
  override name = "DeliveryRejected";

  constructor(
    message: string,
    readonly destinationGone = false,
  ) {
    super(message);
  }
}

/** How long one call to a provider may take before it counts as failed (and is retried). */
export const PROVIDER_TIMEOUT_MS = 15_000;
