import { readFileSync } from "node:fs";
import { ConfigError, type Logger } from "@venta/kit";
import { ApnsPushChannel } from "./apns-push.channel.js";
import type { Channel, MessageChannel, PushPlatform } from "./channel.js";
import { FcmPushChannel, readServiceAccountFile } from "./fcm-push.channel.js";
import { privateKeyFromPem } from "./jwt.js";
import { LocalChannel } from "./local.channel.js";
import { SmtpEmailChannel } from "./smtp-email.channel.js";
import { TwilioSmsChannel } from "./twilio-sms.channel.js";

/** The provider settings this module reads (see config.ts for each variable). */
export interface ChannelsConfig {
  SMTP_URL?: string | undefined;
  EMAIL_FROM?: string | undefined;
  TWILIO_ACCOUNT_SID?: string | undefined;
  TWILIO_AUTH_TOKEN?: string | undefined;
  TWILIO_FROM?: string | undefined;
  TWILIO_BASE_URL?: string | undefined;
  FCM_SERVICE_ACCOUNT_FILE?: string | undefined;
  FCM_BASE_URL?: string | undefined;
  APNS_KEY_FILE?: string | undefined;
  APNS_KEY_ID?: string | undefined;
  APNS_TEAM_ID?: string | undefined;
  APNS_TOPIC?: string | undefined;
  APNS_BASE_URL?: string | undefined;
}

export const DEFAULT_EMAIL_FROM = "Venta <notifications@venta.local>";
const TWILIO_BASE_URL = "https://api.twilio.com";
const FCM_BASE_URL = "https://fcm.googleapis.com";
const APNS_BASE_URL = "https://api.push.apple.com";

/** Every channel's adapter: a provider where one is configured, the local recorder otherwise. */
export class Channels {
  constructor(
    readonly email: MessageChannel,
    readonly sms: MessageChannel,
    /** Android and web tokens are FCM's; iOS tokens are APNs'. */
    private readonly fcm: MessageChannel,
    private readonly apns: MessageChannel,
  ) {}

  for(channel: Channel, platform: PushPlatform | null): MessageChannel {
    if (channel === "EMAIL") return this.email;
    if (channel === "SMS") return this.sms;
    return platform === "IOS" ? this.apns : this.fcm;
  }

  /** Which adapter serves what, for the start-up log. */
  describe(): Record<string, string> {
    return {
      email: this.email.adapter,
      sms: this.sms.adapter,
      android: this.fcm.adapter,
      ios: this.apns.adapter,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.email, this.sms, this.fcm, this.apns].map((channel) => channel.close()));
  }
}

/** Reads the providers' settings once, at start-up; a half-configured provider stops the service. */
export function openChannels(config: ChannelsConfig, log: Logger): Channels {
  const email = config.SMTP_URL
    ? new SmtpEmailChannel({ url: config.SMTP_URL, from: config.EMAIL_FROM ?? DEFAULT_EMAIL_FROM })
    : new LocalChannel("EMAIL", log);
  return new Channels(email, smsChannel(config, log), fcmChannel(config, log), apnsChannel(config, log));
}

function smsChannel(config: ChannelsConfig, log: Logger): MessageChannel {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = config;
  if (!accountSid) return new LocalChannel("SMS", log);
  if (!authToken || !from) {
    throw new ConfigError(
      "Invalid environment:\n  TWILIO_AUTH_TOKEN and TWILIO_FROM are needed with TWILIO_ACCOUNT_SID",
    );
  }
  return new TwilioSmsChannel({
    baseUrl: config.TWILIO_BASE_URL ?? TWILIO_BASE_URL,
    accountSid,
    authToken,
    from,
  });
}

function fcmChannel(config: ChannelsConfig, log: Logger): MessageChannel {
  if (!config.FCM_SERVICE_ACCOUNT_FILE) return new LocalChannel("PUSH", log);
  try {
    const { projectId, account } = readServiceAccountFile(config.FCM_SERVICE_ACCOUNT_FILE);
    return new FcmPushChannel({ baseUrl: config.FCM_BASE_URL ?? FCM_BASE_URL, projectId, account });
  } catch (error) {
    throw new ConfigError(`Invalid environment:\n  FCM_SERVICE_ACCOUNT_FILE: ${(error as Error).message}`);
  }
}

function apnsChannel(config: ChannelsConfig, log: Logger): MessageChannel {
  const { APNS_KEY_FILE: keyFile, APNS_KEY_ID: keyId, APNS_TEAM_ID: teamId, APNS_TOPIC: topic } = config;
  if (!keyFile) return new LocalChannel("PUSH", log);
  if (!keyId || !teamId || !topic) {
    throw new ConfigError(
      "Invalid environment:\n  APNS_KEY_ID, APNS_TEAM_ID and APNS_TOPIC are needed with APNS_KEY_FILE",
    );
  }
  let pem: string;
  try {
    pem = readFileSync(keyFile, "utf8");
  } catch (error) {
    throw new ConfigError(`Invalid environment:\n  APNS_KEY_FILE: ${(error as Error).message}`);
  }
  try {
    return new ApnsPushChannel({
      baseUrl: config.APNS_BASE_URL ?? APNS_BASE_URL,
      keyId,
      teamId,
      topic,
      signingKey: privateKeyFromPem(pem, keyFile),
    });
  } catch (error) {
    throw new ConfigError(`Invalid environment:\n  APNS_KEY_FILE: ${(error as Error).message}`);
  }
}
