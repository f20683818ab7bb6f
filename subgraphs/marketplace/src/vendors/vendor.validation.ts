import { badUserInput } from "@venta/kit";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CUISINE = /^[a-z0-9][a-z0-9 &'-]*$/;

export function validName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (trimmed.length < 2 || trimmed.length > 80)
    throw badUserInput("name must be 2 to 80 characters", "name");
  return trimmed;
}

export function validDescription(description: string | null | undefined): string | null {
  if (description === null || description === undefined) return null;
  const trimmed = description.trim();
  if (trimmed.length > 2000) throw badUserInput("description must be at most 2000 characters", "description");
  return trimmed.length > 0 ? trimmed : null;
}

/** Lower-cased, trimmed and de-duplicated, in the order given. */
export function validCuisines(cuisines: readonly string[]): string[] {
  const normalized = [...new Set(cuisines.map((c) => c.trim().toLowerCase().replace(/\s+/g, " ")))];
  if (normalized.length < 1 || normalized.length > 10)
    throw badUserInput("give 1 to 10 cuisines", "cuisines");
  for (const cuisine of normalized) {
    if (cuisine.length > 40 || !CUISINE.test(cuisine)) {
      throw badUserInput(
        `"${cuisine}" is not a valid cuisine: letters, digits, spaces, & ' - only, up to 40`,
        "cuisines",
      );
    }
  }
  return normalized;
}

export function validSlug(slug: string): string {
  if (slug.length > 80 || !SLUG.test(slug)) {
    throw badUserInput(
      "slug must be lower-case letters and digits separated by single hyphens, up to 80",
      "slug",
    );
  }
  return slug;
}

/** A URL-safe slug from a display name: "Taco Loco #2" → "taco-loco-2". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 72)
    .replace(/-+$/g, "");
  return slug.length > 0 ? slug : "vendor";
}
