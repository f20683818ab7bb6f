import { badUserInput } from "@venta/kit";

/** Region/City names (and `UTC`): rules out the UTC offsets `Intl` also accepts, which are not IANA zones. */
const IANA_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * A BCP 47 language tag in canonical form (`es-mx` becomes `es-MX`), with an ISO 639 language
 * (2 or 3 letters); the same rule marketplace applies to a profile's locale. Empty means none.
 */
export function validLocale(locale: string | null, field = "locale"): string | null {
  const trimmed = locale?.trim() ?? "";
  if (trimmed.length === 0) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (canonical && canonical.length <= 35 && /^[a-z]{2,3}(?:-|$)/.test(canonical)) return canonical;
  } catch {
    // RangeError: not a well-formed tag; reported below.
  }
  throw badUserInput(`"${trimmed}" is not a BCP 47 language tag such as en-US`, field);
}

/** An IANA time zone the runtime knows, as `Intl` names it (`america/chicago` → `America/Chicago`). Empty means none. */
export function validTimeZone(timeZone: string | null, field = "timeZone"): string | null {
  const trimmed = timeZone?.trim() ?? "";
  if (trimmed.length === 0) return null;
  if (IANA_ZONE.test(trimmed) && trimmed.length <= 64) {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
    } catch {
      // RangeError: unknown zone; reported below.
    }
  }
  throw badUserInput(`"${trimmed}" is not an IANA time zone such as America/Chicago`, field);
}
