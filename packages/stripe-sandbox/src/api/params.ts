import { invalidRequest, missingParam, unknownParam } from "../http/api-error.js";
import { type FormObject, type FormValue, isFormObject } from "../http/form-decoding.js";

/**
 * One parameter of an endpoint: how its wire strings become a value. Declaring every endpoint's
 * parameters this way gives each the same refusals Stripe gives: a missing required parameter, an
 * unknown one (a typo must not pass silently), a value of the wrong kind, each naming its `param`.
 */
export interface Param<T, Required extends boolean = false> {
  readonly required: Required;
  decode(value: FormValue, name: string): T;
}

export type ParamSchema = Record<string, Param<unknown, boolean>>;

type Decoded<P> = P extends Param<infer T, boolean> ? T : never;
type RequiredKeys<S extends ParamSchema> = {
  [K in keyof S]: S[K]["required"] extends true ? K : never;
}[keyof S];

/** The typed parameters a schema reads: required ones always present, the others optional. */
export type ParamsOf<S extends ParamSchema> = { [K in RequiredKeys<S>]: Decoded<S[K]> } & {
  [K in Exclude<keyof S, RequiredKeys<S>>]?: Decoded<S[K]>;
};

function describe(value: FormValue): string {
  if (typeof value === "string") return value.slice(0, 100);
  return Array.isArray(value) ? "an array" : "a hash";
}

function param<T>(decode: (value: FormValue, name: string) => T): Param<T> {
  return { required: false, decode };
}

export function required<T>(optional: Param<T>): Param<T, true> {
  return { required: true, decode: optional.decode };
}

export function text(options: { maxLength?: number } = {}): Param<string> {
  return param((value, name) => {
    if (typeof value !== "string")
      throw invalidRequest(`Invalid string: ${describe(value)}`, { param: name });
    if (options.maxLength !== undefined && value.length > options.maxLength)
      throw invalidRequest(`Invalid ${name}: must be at most ${options.maxLength} characters`, {
        code: "parameter_invalid_string_length",
        param: name,
      });
    return value;
  });
}

export function integer(options: { min?: number; max?: number } = {}): Param<number> {
  return param((value, name) => {
    const parsed = typeof value === "string" && /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed))
      throw invalidRequest(`Invalid integer: ${describe(value)}`, {
        code: "parameter_invalid_integer",
        param: name,
      });
    if (options.min !== undefined && parsed < options.min)
      throw invalidRequest(`This value must be greater than or equal to ${options.min}.`, {
        code: "parameter_invalid_integer",
        param: name,
      });
    if (options.max !== undefined && parsed > options.max)
      throw invalidRequest(`This value must be less than or equal to ${options.max}.`, {
        code: "parameter_invalid_integer",
        param: name,
      });
    return parsed;
  });
}

export function boolean(): Param<boolean> {
  return param((value, name) => {
    if (value === "true") return true;
    if (value === "false") return false;
    throw invalidRequest(`Invalid boolean: ${describe(value)}`, { param: name });
  });
}

export function oneOf<const T extends string>(values: readonly T[]): Param<T> {
  return param((value, name) => {
    if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T;
    const choices =
      values.length > 2 ? `${values.slice(0, -1).join(", ")}, or ${values.at(-1)}` : values.join(" or ");
    throw invalidRequest(`Invalid ${name}: must be one of ${choices}`, { param: name });
  });
}

/** Stripe's limits on metadata: 50 keys, keys up to 40 characters, values up to 500. */
const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 };

/**
 * Metadata as sent: on an update an empty value removes its key and an empty `metadata=` removes
 * them all (see {@link mergeMetadata}), as Stripe documents.
 */
export function metadata(): Param<Record<string, string>> {
  return param((value, name) => {
    if (value === "") return {};
    if (!isFormObject(value)) throw invalidRequest("Invalid hash", { param: name });
    const entries = Object.entries(value);
    if (entries.length > METADATA_LIMITS.keys)
      throw invalidRequest(`Invalid ${name}: metadata can have at most ${METADATA_LIMITS.keys} keys.`, {
        param: name,
      });
    for (const [key, entry] of entries) {
      if (key.length > METADATA_LIMITS.keyLength)
        throw invalidRequest(
          `Invalid ${name}: metadata keys must be at most ${METADATA_LIMITS.keyLength} characters long.`,
          { param: `${name}[${key}]` },
        );
      if (typeof entry !== "string")
        throw invalidRequest(`Invalid ${name}: metadata values must be strings.`, {
          param: `${name}[${key}]`,
        });
      if (entry.length > METADATA_LIMITS.valueLength)
        throw invalidRequest(
          `Invalid ${name}: metadata values must be at most ${METADATA_LIMITS.valueLength} characters long.`,
          { param: `${name}[${key}]` },
        );
    }
    // A plain object again: what is stored and serialised must not be a prototype-less form node.
    return Object.fromEntries(entries as [string, string][]);
  });
}

/** Applies sent metadata to what an object has: empty values delete, an empty hash clears. */
export function mergeMetadata(current: Record<string, string>, sent: Record<string, string>) {
  if (Object.keys(sent).length === 0) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(sent)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Metadata given at creation: empty values mean "no such key". */
export function initialMetadata(sent: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(sent ?? {}).filter(([, value]) => value !== ""));
}

export function hash<S extends ParamSchema>(schema: S): Param<ParamsOf<S>> {
  return param((value, name) => {
    if (!isFormObject(value)) throw invalidRequest("Invalid hash", { param: name });
    return readParams(schema, value, name);
  });
}

/** A list, sent as `key[0]=…&key[1]=…` (the SDK's form) or `key[]=…` (curl's, in Stripe's docs). */
export function list<T>(item: Param<T>): Param<T[]> {
  return param((value, name) => {
    let items: [string, FormValue][];
    if (Array.isArray(value)) items = value.map((entry, index) => [String(index), entry]);
    else if (isFormObject(value) && Object.keys(value).every((key) => /^\d{1,4}$/.test(key)))
      items = Object.entries(value).sort(([a], [b]) => Number(a) - Number(b));
    else throw invalidRequest("Invalid array", { param: name });
    return items.map(([index, entry]) => item.decode(entry, `${name}[${index}]`));
  });
}

/** Reads a form against a schema; `prefix` names nested parameters (`transfer_data[destination]`). */
export function readParams<S extends ParamSchema>(schema: S, form: FormObject, prefix?: string): ParamsOf<S> {
  const nameOf = (key: string) => (prefix ? `${prefix}[${key}]` : key);
  for (const key of Object.keys(form)) if (!Object.hasOwn(schema, key)) throw unknownParam(nameOf(key));
  const result: Record<string, unknown> = {};
  for (const [key, declared] of Object.entries(schema)) {
    const value = form[key];
    if (value === undefined) {
      if (declared.required) throw missingParam(nameOf(key));
      continue;
    }
    result[key] = declared.decode(value, nameOf(key));
  }
  return result as ParamsOf<S>;
}
