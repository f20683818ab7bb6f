import { badUserInput } from "@venta/kit";
import { ISO_CURRENCIES } from "./currencies.js";
import { DIETARY_TAGS, type DietaryTag } from "./menu.record.js";

const MAX_NAME = 80;
const MAX_DESCRIPTION = 500;
const MAX_URL = 2048;
/** GraphQL's Int: a price must survive the trip back to the client. */
const MAX_PRICE_MINOR = 2_147_483_647;

/** A category or item name: trimmed, inner whitespace collapsed, 1 to 80 characters. */
export function validMenuName(name: string, field = "name"): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (trimmed.length < 1 || trimmed.length > MAX_NAME)
    throw badUserInput(`name must be 1 to ${MAX_NAME} characters`, field);
  return trimmed;
}

/** Trimmed; empty (or null) means none. */
export function validItemDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim() ?? "";
  if (trimmed.length > MAX_DESCRIPTION)
    throw badUserInput(`description must be at most ${MAX_DESCRIPTION} characters`, "description");
  return trimmed.length > 0 ? trimmed : null;
}

export function validPriceMinor(priceMinor: number): number {
  if (!Number.isInteger(priceMinor) || priceMinor < 0 || priceMinor > MAX_PRICE_MINOR)
    throw badUserInput("priceMinor must be a whole number of minor units (cents), 0 or more", "priceMinor");
  return priceMinor;
}

/** An ISO 4217 code, exactly as the standard writes it (three upper-case letters). */
export function validCurrency(currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency) || !ISO_CURRENCIES.has(currency))
    throw badUserInput(`"${currency}" is not an ISO 4217 currency code such as USD`, "currency");
  return currency;
}

/** De-duplicated, in the order given; every tag from the fixed list. */
export function validDietaryTags(tags: readonly string[]): DietaryTag[] {
  const unique = [...new Set(tags)];
  const unknown = unique.find((tag) => !(DIETARY_TAGS as readonly string[]).includes(tag));
  if (unknown !== undefined) throw badUserInput(`"${unknown}" is not a dietary tag`, "dietaryTags");
  return unique as DietaryTag[];
}

/**
 * An https URL of a photo hosted elsewhere (uploads arrive with the media module); empty (or null)
 * means none. No credentials in it: the URL is shown to everyone.
 */
export function validPhotoUrl(photoUrl: string | null | undefined): string | null {
  const trimmed = photoUrl?.trim() ?? "";
  if (trimmed.length === 0) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badUserInput(`photoUrl must be an https URL of at most ${MAX_URL} characters`, "photoUrl");
  }
  if (url.protocol !== "https:" || !url.hostname || url.username || url.password || trimmed.length > MAX_URL)
    throw badUserInput(`photoUrl must be an https URL of at most ${MAX_URL} characters`, "photoUrl");
  return url.href;
}
