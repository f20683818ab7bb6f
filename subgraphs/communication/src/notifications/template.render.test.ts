import { describe, expect, it } from "vitest";
import { CHANNELS } from "../channels/channel.js";
import { formatDistance, renderTemplate, templateLocale } from "./template.render.js";
import { TEMPLATE_LOCALES, TEMPLATES } from "./templates.js";
import { NOTIFICATION_TOPICS } from "./topics.js";

describe("notification templates", () => {
  it("says how far away a vendor is, in the person's language and number format", () => {
    const params = { vendorName: "Taco Loco", distance: { meters: 404 } };
    expect(renderTemplate("VENDOR_NEARBY", "PUSH", "en-US", params)).toEqual({
      title: "Taco Loco is nearby",
      body: "Taco Loco is 400 m away",
    });
    expect(renderTemplate("VENDOR_NEARBY", "PUSH", "es", { ...params, distance: { meters: 1234 } })).toEqual({
      title: "Taco Loco está cerca",
      body: "Taco Loco está a 1,2 km",
    });
    expect(renderTemplate("VENDOR_NEARBY", "SMS", "en", params)).toEqual({
      title: "",
      body: "Venta: Taco Loco is 400 m away.",
    });
  });

  it("falls back to a text without the missing parameter", () => {
    expect(
      renderTemplate("VENDOR_NEARBY", "PUSH", "en", { vendorName: "Taco Loco", distance: null }).body,
    ).toBe("Taco Loco is in your area");
    expect(renderTemplate("VENDOR_NEARBY", "EMAIL", "es", { vendorName: " " })).toMatchObject({
      title: "Un vendedor favorito está cerca",
    });
  });

  it("falls back to English for languages without templates", () => {
    expect(templateLocale("es-MX")).toBe("es");
    expect(templateLocale("fr-CA")).toBe("en");
    expect(templateLocale(null)).toBe("en");
    expect(renderTemplate("CHAT_MESSAGE", "PUSH", "de", { senderName: "Eli", preview: "Open?" })).toEqual({
      title: "New message from Eli",
      body: "Open?",
    });
  });

  it("tells a support requester that their request was answered or closed, without quoting the answer", () => {
    expect(renderTemplate("SUPPORT_UPDATE", "PUSH", "en", { answeredTicket: "Missing points" })).toEqual({
      title: "Update on your support request",
      body: 'Support answered "Missing points". Open Venta to read the answer.',
    });
    expect(renderTemplate("SUPPORT_UPDATE", "EMAIL", "es-MX", { closedTicket: "Puntos" }).title).toBe(
      'Tu solicitud "Puntos" se cerró',
    );
    expect(renderTemplate("SUPPORT_UPDATE", "SMS", "en", { closedTicket: "Missing points" }).body).toBe(
      'Venta support closed your request "Missing points".',
    );
    // Free text, as before, still wins when given.
    expect(
      renderTemplate("SUPPORT_UPDATE", "PUSH", "en", { ticketSubject: "Refund", update: "Refund sent" }),
    ).toEqual({ title: 'Update on "Refund"', body: "Refund sent" });
  });

  it("names a chat message's sender when known, in the reader's language", () => {
    expect(
      renderTemplate("CHAT_MESSAGE", "PUSH", "es", { senderName: null, preview: "¿Abren hoy?" }),
    ).toEqual({
      title: "Nuevo mensaje",
      body: "¿Abren hoy?",
    });
    expect(
      renderTemplate("CHAT_MESSAGE", "EMAIL", "en", { senderName: "Taco Cart", preview: "Open!" }),
    ).toMatchObject({
      title: "New message from Taco Cart",
    });
  });

  it("refuses to send a text with a parameter missing and no alternative", () => {
    expect(() => renderTemplate("PROMOTION", "PUSH", "en", { headline: "2x1 tacos" })).toThrow(
      /PROMOTION PUSH \(en\)/,
    );
  });

  it("has every topic in every language on every channel, with the same parameters in each", () => {
    const names = (value: unknown): string[] =>
      [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    for (const topic of NOTIFICATION_TOPICS) {
      const english = new Set(names(TEMPLATES[topic].en));
      for (const locale of TEMPLATE_LOCALES) {
        expect(new Set(names(TEMPLATES[topic][locale])), `${topic} ${locale}`).toEqual(english);
        for (const channel of CHANNELS) {
          const params = Object.fromEntries(
            [...english].map((name) => [name, name === "distance" ? { meters: 50 } : "x"]),
          );
          expect(renderTemplate(topic, channel, locale, params).body.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("rounds short distances to ten metres and longer ones to a tenth of a kilometre", () => {
    expect(formatDistance(3, "en")).toBe("10 m");
    expect(formatDistance(994, "en")).toBe("990 m");
    expect(formatDistance(995, "en")).toBe("1 km");
    expect(formatDistance(12_345, "en")).toBe("12.3 km");
  });
});
