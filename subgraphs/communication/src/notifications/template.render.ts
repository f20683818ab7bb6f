import type { Channel } from "../channels/channel.js";
import {
  FALLBACK_LOCALE,
  TEMPLATE_LOCALES,
  TEMPLATES,
  type TemplateLocale,
  type TemplateText,
} from "./templates.js";
import type { NotificationTopic } from "./topics.js";

/** A distance, written in the reader's language ("400 m", "1,2 km"). */
export interface Distance {
  meters: number;
}

export type TemplateValue = string | Distance;
export type TemplateParams = Record<string, TemplateValue | null | undefined>;

/** Title (push title, e-mail subject; empty for text messages) and body for one channel. */
export interface RenderedText {
  title: string;
  body: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The language we have templates for that best serves `locale`: es-MX → es; anything unknown → en. */
export function templateLocale(locale: string | null): TemplateLocale {
  const language = (locale ?? "").toLowerCase().split("-")[0] ?? "";
  return (TEMPLATE_LOCALES as readonly string[]).includes(language)
    ? (language as TemplateLocale)
    : FALLBACK_LOCALE;
}

/** Whole metres under a kilometre (rounded to 10), one decimal of a kilometre beyond. */
export function formatDistance(meters: number, locale: string): string {
  if (meters < 995) {
    const rounded = Math.max(10, Math.round(meters / 10) * 10);
    return new Intl.NumberFormat(locale, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(
      rounded,
    );
  }
  return new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 }).format(
    meters / 1000,
  );
}

function valueText(value: TemplateValue, locale: string): string {
  return typeof value === "string" ? value : formatDistance(value.meters, locale);
}

/** The first alternative whose parameters are all given, filled in; throws when none can be. */
function fill(text: TemplateText, params: TemplateParams, locale: string, what: string): string {
  const alternatives = typeof text === "string" ? [text] : text;
  for (const alternative of alternatives) {
    const names = [...alternative.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
    const given = (name: string) => {
      const value = params[name];
      return value !== null && value !== undefined && (typeof value !== "string" || value.trim().length > 0);
    };
    if (names.every(given)) {
      return alternative.replace(PLACEHOLDER, (_, name: string) =>
        valueText(params[name] as TemplateValue, locale),
      );
    }
  }
  throw new Error(
    `${what}: no text can be made from the parameters ${Object.keys(params).join(", ") || "(none)"}`,
  );
}

/**
 * A topic's text for one channel in the person's language (falling back to English). `locale`
 * also decides number formats, so "es-MX" reads Spanish text with Mexican numbers.
 */
export function renderTemplate(
  topic: NotificationTopic,
  channel: Channel,
  locale: string | null,
  params: TemplateParams,
): RenderedText {
  const language = templateLocale(locale);
  const numbers = locale ?? language;
  const templates = TEMPLATES[topic][language];
  const what = `${topic} ${channel} (${language})`;
  switch (channel) {
    case "PUSH":
      return {
        title: fill(templates.push.title, params, numbers, what),
        body: fill(templates.push.body, params, numbers, what),
      };
    case "EMAIL":
      return {
        title: fill(templates.email.subject, params, numbers, what),
        body: fill(templates.email.body, params, numbers, what),
      };
    case "SMS":
      return { title: "", body: fill(templates.sms.body, params, numbers, what) };
  }
}
