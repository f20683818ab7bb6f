import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openChannels } from "./channels.js";

const dir = mkdtempSync(join(tmpdir(), "venta-channels-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("choosing channel adapters from the environment", () => {
  it("records locally on every channel when no provider is configured", () => {
    expect(openChannels({}, testLogger).describe()).toEqual({
      email: "local",
      sms: "local",
      android: "local",
      ios: "local",
    });
  });

  it("uses each provider that is configured, and only those", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    const ec = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    const serviceAccount = join(dir, "sa.json");
    writeFileSync(
      serviceAccount,
      JSON.stringify({ project_id: "p", client_email: "a@p.iam.gserviceaccount.com", private_key: rsa }),
    );
    const p8 = join(dir, "AuthKey.p8");
    writeFileSync(p8, ec);
    const channels = openChannels(
      {
        SMTP_URL: "smtp://127.0.0.1:2525",
        FCM_SERVICE_ACCOUNT_FILE: serviceAccount,
        APNS_KEY_FILE: p8,
        APNS_KEY_ID: "KEY1234567",
        APNS_TEAM_ID: "TEAM123456",
        APNS_TOPIC: "app.venta",
      },
      testLogger,
    );
    expect(channels.describe()).toEqual({ email: "smtp", sms: "local", android: "fcm", ios: "apns" });
    expect(channels.for("PUSH", "IOS").adapter).toBe("apns");
    expect(channels.for("PUSH", "WEB").adapter).toBe("fcm");
    await channels.close();
  });

  it("refuses to start with a provider half configured", () => {
    expect(() => openChannels({ TWILIO_ACCOUNT_SID: "AC1" }, testLogger)).toThrow(ConfigError);
    expect(() =>
      openChannels(
        { APNS_KEY_FILE: join(dir, "missing.p8"), APNS_KEY_ID: "k", APNS_TEAM_ID: "t", APNS_TOPIC: "a" },
        testLogger,
      ),
    ).toThrow(/APNS_KEY_FILE/);
    expect(() => openChannels({ FCM_SERVICE_ACCOUNT_FILE: join(dir, "missing.json") }, testLogger)).toThrow(
      /FCM_SERVICE_ACCOUNT_FILE/,
    );
  });
});
