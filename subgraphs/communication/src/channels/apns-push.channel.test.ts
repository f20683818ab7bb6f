import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApnsServer } from "./apns.harness.js";
import { ApnsPushChannel } from "./apns-push.channel.js";
import { DeliveryRejected } from "./channel.js";

const KEY = { keyId: "ABC123DEFG", teamId: "TEAM123456", topic: "app.venta.customer" };
const token = (digit: string) => digit.repeat(64);

describe("APNs push channel", () => {
  let apns: Awaited<ReturnType<typeof startApnsServer>>;
  let channel: ApnsPushChannel;
  beforeEach(async () => {
    apns = await startApnsServer(KEY);
    channel = new ApnsPushChannel({ baseUrl: apns.baseUrl, ...KEY, signingKey: apns.signingKey });
  });
  afterEach(async () => {
    await channel.close();
    await apns.close();
  });

  const message = (to: string) => ({
    to,
    title: "Taco Loco is nearby",
    body: "Taco Loco is 400 m away",
    data: { vendorId: "v1" },
  });

  it("posts an alert over one HTTP/2 connection with a signed provider token", async () => {
    const receipt = await channel.send(message(token("a")));
    await channel.send(message(token("b")));
    expect(receipt.providerMessageId).toMatch(/^[0-9A-F-]{36}$/);
    expect(apns.connections()).toBe(1);
    expect(apns.notifications[0]).toEqual({
      deviceToken: token("a"),
      topic: "app.venta.customer",
      pushType: "alert",
      payload: {
        vendorId: "v1",
        aps: { alert: { title: "Taco Loco is nearby", body: "Taco Loco is 400 m away" }, sound: "default" },
      },
    });
    expect(apns.notifications).toHaveLength(2);
  });

  it("rejects an unregistered device for good and says it is gone", async () => {
    apns.unregistered.add(token("c"));
    const error = await channel.send(message(token("c"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryRejected);
    expect((error as DeliveryRejected).destinationGone).toBe(true);
    expect((error as Error).message).toMatch(/410 Unregistered/);
  });

  it("rejects a malformed device token as gone", async () => {
    const error = await channel.send(message("not-a-token")).catch((e: unknown) => e);
    expect((error as DeliveryRejected).destinationGone).toBe(true);
    expect((error as Error).message).toMatch(/BadDeviceToken/);
  });

  it("treats a refused provider token as worth retrying, never as the device's fault", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const forged = new ApnsPushChannel({ baseUrl: apns.baseUrl, ...KEY, signingKey: privateKey });
    try {
      const error = await forged.send(message(token("d"))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(DeliveryRejected);
      expect((error as Error).message).toMatch(/403 InvalidProviderToken/);
      expect(apns.notifications).toHaveLength(0);
    } finally {
      await forged.close();
    }
  });

  it("opens a new connection when Apple closed the last one", async () => {
    await channel.send(message(token("e")));
    await apns.dropConnections();
    await channel.send(message(token("f")));
    expect(apns.connections()).toBe(2);
    expect(apns.notifications.map((n) => n.deviceToken)).toEqual([token("e"), token("f")]);
  });
});
