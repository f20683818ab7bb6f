import { badUserInput } from "@venta/kit";

export const MAX_REVIEW_TEXT = 2000;
export const MAX_REPLY_TEXT = 2000;
export const MAX_MODERATION_REASON = 500;

export function validRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw badUserInput("rating must be a whole number of stars from 1 to 5", "rating");
  return rating;
}

/** Trimmed; 1 to `max` characters remain. */
export function validText(text: string, field = "text", max = MAX_REVIEW_TEXT): string {
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > max)
    throw badUserInput(`${field} must be 1 to ${max} characters`, field);
  return trimmed;
}

/** Optional: blank means none. */
export function validReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? "";
  if (trimmed.length > MAX_MODERATION_REASON)
    throw badUserInput(`reason must be at most ${MAX_MODERATION_REASON} characters`, "reason");
  return trimmed.length > 0 ? trimmed : null;
}
