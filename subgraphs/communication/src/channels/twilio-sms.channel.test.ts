import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryRejected } from "./channel.js";
import { startTwilioServer } from "./twilio.harness.js";
import { TwilioSmsChannel } from "./twilio-sms.channel.js";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "auth-token-1";

describe("Twilio SMS channel", () => {
  let twilio: Awaited<ReturnType<typeof startTwilioServer>>;
  const channel = (overrides: { authToken?: string; from?: string } = {}) =>
    new TwilioSmsChannel({
      baseUrl: twilio.baseUrl,
      accountSid: SID,
      authToken: overrides.authToken ?? TOKEN,
      from: overrides.from ?? "+15125550100",
    });
  beforeEach(async () => {
    twilio = await startTwilioServer(SID, TOKEN);
  });
  afterEach(() => twilio.close());

  it("posts To, From and Body form-encoded with Basic auth and returns the message SID", async () => {
    const receipt = await channel().send({
      to: "+15125550199",
      title: "ignored",
      body: "Taco Loco is 400 m away",
      data: {},
    });
    expect(receipt.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages).toEqual([
      {
        accountSid: SID,
        to: "+15125550199",
        from: "+15125550100",
        messagingServiceSid: null,
        body: "Taco Loco is 400 m away",
      },
    ]);
  });

  it("sends from a Messaging Service when the sender is one", async () => {
    await channel({ from: "MG0123456789abcdef0123456789abcdef" }).send({
      to: "+15125550199",
      title: "",
      body: "Hi",
      data: {},
    });
    expect(twilio.messages[0]).toMatchObject({
      from: null,
      messagingServiceSid: "MG0123456789abcdef0123456789abcdef",
    });
  });

  it("rejects an invalid number for good, with Twilio's code in the reason", async () => {
    const sending = channel().send({ to: "5550199", title: "", body: "Hi", data: {} });
    await expect(sending).rejects.toBeInstanceOf(DeliveryRejected);
    await expect(sending).rejects.toThrow(/400 \(21211\)/);
    expect(twilio.messages).toHaveLength(0);
  });

  it("rejects a wrong auth token for good", async () => {
    await expect(
      channel({ authToken: "wrong" }).send({ to: "+15125550199", title: "", body: "Hi", data: {} }),
    ).rejects.toThrow(/401 \(20003\)/);
  });

  it("treats an outage as worth retrying, then delivers", async () => {
    twilio.outage(1);
    const failed = await channel()
      .send({ to: "+15125550199", title: "", body: "Hi", data: {} })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(DeliveryRejected);
    await channel().send({ to: "+15125550199", title: "", body: "Hi", data: {} });
    expect(twilio.messages).toHaveLength(1);
  });
});
