import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryRejected } from "./channel.js";
import { startSmtpReceiver } from "./smtp.harness.js";
import { SmtpEmailChannel } from "./smtp-email.channel.js";

describe("SMTP e-mail channel", () => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let channel: SmtpEmailChannel;
  beforeEach(async () => {
    receiver = await startSmtpReceiver();
    channel = new SmtpEmailChannel({ url: receiver.url, from: "Venta <notifications@venta.test>" });
  });
  afterEach(async () => {
    await channel.close();
    await receiver.close();
  });

  it("delivers subject, text and an escaped HTML copy to the recipient, signed in", async () => {
    const receipt = await channel.send({
      to: "dana@example.com",
      title: "Taco Loco is nearby",
      body: "Taco Loco is 400 m away.\n\n<Open Venta> to see it",
      data: {},
    });
    expect(receipt.providerMessageId).toMatch(/@/);
    expect(receiver.received).toHaveLength(1);
    const [{ recipients, mail }] = receiver.received as [(typeof receiver.received)[number]];
    expect(recipients).toEqual(["dana@example.com"]);
    expect(mail.subject).toBe("Taco Loco is nearby");
    expect(mail.from?.text).toBe('"Venta" <notifications@venta.test>');
    expect(mail.text?.trim()).toBe("Taco Loco is 400 m away.\n\n<Open Venta> to see it");
    expect(mail.html).toContain("<p>Taco Loco is 400 m away.</p>");
    expect(mail.html).toContain("&#60;Open Venta&#62;");
  });

  it("reports a refused recipient as a final rejection", async () => {
    const sending = channel.send({ to: "gone@bounce.test", title: "Hi", body: "Hello", data: {} });
    await expect(sending).rejects.toBeInstanceOf(DeliveryRejected);
    expect(receiver.received).toHaveLength(0);
  });

  it("fails without delivering when the relay refuses the credentials", async () => {
    const wrong = new SmtpEmailChannel({ url: receiver.badCredentialsUrl, from: "notifications@venta.test" });
    try {
      await expect(
        wrong.send({ to: "dana@example.com", title: "Hi", body: "Hello", data: {} }),
      ).rejects.toThrow(/auth/i);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await wrong.close();
    }
  });
});
