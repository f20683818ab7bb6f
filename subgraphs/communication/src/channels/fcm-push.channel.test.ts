import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryRejected } from "./channel.js";
import { startFcmServer } from "./fcm.harness.js";
import { FcmPushChannel, readServiceAccountFile } from "./fcm-push.channel.js";

describe("FCM push channel", () => {
  let fcm: Awaited<ReturnType<typeof startFcmServer>>;
  let channel: FcmPushChannel;
  beforeEach(async () => {
    fcm = await startFcmServer("venta-test");
    const { projectId, account } = readServiceAccountFile(fcm.serviceAccountFile);
    channel = new FcmPushChannel({ baseUrl: fcm.baseUrl, projectId, account });
  });
  afterEach(() => fcm.close());

  const message = (to: string) => ({
    to,
    title: "Taco Loco is nearby",
    body: "Taco Loco is 400 m away",
    data: { vendorId: "v1", topic: "VENDOR_NEARBY" },
  });

  it("exchanges a signed service-account assertion for a token once, then sends with it", async () => {
    const first = await channel.send(message("android-token-1"));
    await channel.send(message("android-token-2"));
    expect(first.providerMessageId).toBe("projects/venta-test/messages/1");
    expect(fcm.exchanges()).toBe(1);
    expect(fcm.messages).toEqual([
      {
        token: "android-token-1",
        notification: { title: "Taco Loco is nearby", body: "Taco Loco is 400 m away" },
        data: { vendorId: "v1", topic: "VENDOR_NEARBY" },
      },
      expect.objectContaining({ token: "android-token-2" }),
    ]);
  });

  it("rejects an unregistered token for good and says the destination is gone", async () => {
    fcm.unregistered.add("uninstalled");
    const error = await channel.send(message("uninstalled")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryRejected);
    expect((error as DeliveryRejected).destinationGone).toBe(true);
    expect((error as Error).message).toMatch(/404 UNREGISTERED/);
  });

  it("fetches a fresh access token after the old one was refused", async () => {
    await channel.send(message("t1"));
    fcm.revokeTokens();
    const refused = await channel.send(message("t2")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(DeliveryRejected);
    await channel.send(message("t2"));
    expect(fcm.exchanges()).toBe(2);
    expect(fcm.messages.map((m) => m.token)).toEqual(["t1", "t2"]);
  });
});
