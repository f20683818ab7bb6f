import { baseEnv, envVar, loadConfig } from "@venta/kit";
import { webhooksEnvShape } from "./webhooks/webhooks.config.js";

export const communicationEnv = baseEnv.extend({
  COMMUNICATION_PORT: envVar.port(4003),
  ...webhooksEnvShape,
  // Notifications. Every provider is optional: a channel without one records its messages locally.
  /** Vendor alerts: a person hears about one vendor at most once per this many seconds. */
  ALERT_NOTIFY_PERIOD_SECONDS: envVar.positiveInt(3_600),
  /**
   * Chat: after a message notification, more messages in that conversation notify nobody until the
   * recipient reads up to it or this many seconds pass, so a burst of messages is one notification.
   */
  CHAT_NOTIFY_WINDOW_SECONDS: envVar.positiveInt(300),
  /** Attempts per notification delivery (the first included) before it is FAILED. */
  NOTIFY_MAX_ATTEMPTS: envVar.positiveInt(5),
  /** Pause before a failed delivery's second attempt; it doubles for each further attempt. */
  NOTIFY_RETRY_BASE_MS: envVar.positiveInt(5_000),
  /** Deliveries one process sends at the same time. */
  NOTIFY_CONCURRENCY: envVar.positiveInt(8),
  /** Without REDIS_URL: how often the SQLite scheduler (DATA_DIR/notification-jobs.db) looks for due sends. */
  NOTIFY_POLL_MS: envVar.positiveInt(1_000),
  /** E-mail through this SMTP relay: `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`. */
  SMTP_URL: envVar.checked((v) => /^smtps?:\/\/[^/\s]+/.test(v), "must look like smtp://user:pass@host:587"),
  /** The sender of notification e-mails; default `Venta <notifications@venta.local>`. */
  EMAIL_FROM: envVar.checked(
    (v) => v.includes("@"),
    "must be an address, optionally with a name: Venta <a@b.c>",
  ),
  /** Text messages through Twilio (or a service speaking its API) when set, with the two below. */
  TWILIO_ACCOUNT_SID: envVar.checked((v) => v.length > 0, "must be the account SID (AC…)"),
  TWILIO_AUTH_TOKEN: envVar.checked((v) => v.length > 0, "must be the account's auth token"),
  /** The sending number (E.164) or Messaging Service SID (MG…). */
  TWILIO_FROM: envVar.checked(
    (v) => /^(\+[1-9]\d{6,14}|MG\w+)$/.test(v),
    "must be +<digits> or a Messaging Service SID",
  ),
  /** Twilio's API; default https://api.twilio.com. */
  TWILIO_BASE_URL: envVar.url(),
  /** Android and web push through FCM HTTP v1: the Google service-account JSON key file. */
  FCM_SERVICE_ACCOUNT_FILE: envVar.checked(
    (v) => v.length > 0,
    "must be the path of a service-account key file",
  ),
  /** FCM's API; default https://fcm.googleapis.com. The token URL comes from the key file's `token_uri`. */
  FCM_BASE_URL: envVar.url(),
  /** iOS push through APNs: the `.p8` signing key file, with the three below. */
  APNS_KEY_FILE: envVar.checked((v) => v.length > 0, "must be the path of the .p8 key file"),
  /** The signing key's id (10 characters). */
  APNS_KEY_ID: envVar.checked((v) => v.length > 0, "must be the key id"),
  /** The Apple developer team id. */
  APNS_TEAM_ID: envVar.checked((v) => v.length > 0, "must be the team id"),
  /** The app's bundle id, sent as `apns-topic`. */
  APNS_TOPIC: envVar.checked((v) => v.length > 0, "must be the app's bundle id"),
  /** APNs' API; default https://api.push.apple.com (https://api.sandbox.push.apple.com for development builds). */
  APNS_BASE_URL: envVar.url(),
});
export type CommunicationConfig = ReturnType<typeof communicationEnv.parse>;

export const loadCommunicationConfig = (env: NodeJS.ProcessEnv = process.env): CommunicationConfig =>
  loadConfig(communicationEnv, env);
