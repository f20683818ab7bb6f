/**
 * A decoded form: Stripe's bracket keys (`metadata[k]=v`, `transfer_data[destination]=acct_…`,
 * `expand[0]=x`, `expand[]=x`) turned into nested values. Every leaf is a string, as on the wire:
 * each endpoint's parameters decide what a string means (an integer, a boolean, an id).
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** A form that cannot be read: a broken escape, a bracket left open, a key both a value and a hash. */
export class FormDecodingError extends Error {
  constructor(
    message: string,
    readonly param: string | undefined,
  ) {
    super(message);
  }
}

/** Deeper than any Stripe parameter goes; a limit keeps a hostile key from costing anything. */
const MAX_DEPTH = 8;

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** Objects without a prototype, so a key named `__proto__` or `constructor` is just a key. */
function emptyObject(): FormObject {
  return Object.create(null) as FormObject;
}

export function isFormObject(value: FormValue | undefined): value is FormObject {
  return typeof value === "object" && !Array.isArray(value);
}

function decodeComponent(text: string, param: string | undefined): string {
  try {
    // `+` is a space in form encoding; decodeURIComponent alone would keep it.
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw new FormDecodingError(`Invalid URL encoding in the request: '${text.slice(0, 100)}'.`, param);
  }
}

/** The root name and bracketed segments of a key: `a[b][]` is `a`, `["b", ""]`. */
function splitKey(key: string): { root: string; segments: string[] } {
  const match = KEY.exec(key);
  if (!match?.[1]) throw new FormDecodingError(`Invalid parameter name: '${key.slice(0, 100)}'.`, undefined);
  const segments = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
  if (segments.length > MAX_DEPTH)
    throw new FormDecodingError(`Parameter nested too deeply: '${key.slice(0, 100)}'.`, match[1]);
  // `[]` appends to a list: only meaningful for the last segment, as Stripe's clients send it.
  if (segments.slice(0, -1).includes(""))
    throw new FormDecodingError(`Invalid parameter name: '${key.slice(0, 100)}'.`, match[1]);
  return { root: match[1], segments };
}

function bracketed(root: string, segments: string[]): string {
  return root + segments.map((segment) => `[${segment}]`).join("");
}

function conflict(root: string, segments: string[]): FormDecodingError {
  const param = bracketed(root, segments);
  return new FormDecodingError(
    `Invalid parameter: '${param}' is given both as a value and as a hash.`,
    param,
  );
}

function assign(target: FormObject, root: string, segments: string[], value: string): void {
  let container: FormObject = target;
  let key = root;
  for (const [index, segment] of segments.entries()) {
    const existing = container[key];
    if (segment === "") {
      if (existing === undefined) container[key] = [value];
      else if (Array.isArray(existing)) existing.push(value);
      else throw conflict(root, segments.slice(0, index));
      return;
    }
    if (existing === undefined) {
      const child = emptyObject();
      container[key] = child;
      container = child;
    } else if (isFormObject(existing)) {
      container = existing;
    } else {
      throw conflict(root, segments.slice(0, index));
    }
    key = segment;
  }
  if (isFormObject(container[key]) || Array.isArray(container[key])) throw conflict(root, segments);
  // A repeated key keeps its last value, as Stripe's form parser does.
  container[key] = value;
}

/** Decodes `application/x-www-form-urlencoded` text (a body or a query string) into nested values. */
export function decodeForm(encoded: string): FormObject {
  const form = emptyObject();
  if (encoded === "") return form;
  for (const pair of encoded.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const rawKey = equals < 0 ? pair : pair.slice(0, equals);
    const key = decodeComponent(rawKey, undefined);
    const { root, segments } = splitKey(key);
    const value = decodeComponent(equals < 0 ? "" : pair.slice(equals + 1), key);
    assign(form, root, segments, value);
  }
  return form;
}
