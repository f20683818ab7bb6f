import { idempotencyError, invalidRequest } from "./api-error.js";
import type { FormValue } from "./form-decoding.js";

/** An answer kept for replay, with what identifies the request that got it. */
export interface StoredAnswer {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  params: string;
  answer: StoredAnswer;
  storedAt: number;
}

/** Stripe forgets keys after 24 hours; a key reused later starts a new request. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/** Parameters in a canonical order: the same parameters sent in another order are the same request. */
function canonical(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? "")}`).join(",")}}`;
}

export interface IdempotentRequest {
  apiKey: string;
  key: string;
  /** `POST /v1/refunds`. */
  endpoint: string;
  params: FormValue;
}

/**
 * `Idempotency-Key` as Stripe keeps it: per API key, the first answer to a key is replayed for
 * every retry with the same endpoint and parameters; a retry with other parameters is refused
 * (`idempotency_error`), because it is a different request reusing a key by mistake.
 */
export class IdempotencyStore {
  private readonly byApiKey = new Map<string, Map<string, Entry>>();

  static checkKey(key: string): void {
    if (key.length > MAX_KEY_LENGTH)
      throw invalidRequest(`Idempotency keys can be at most ${MAX_KEY_LENGTH} characters long.`, {
        param: "Idempotency-Key",
      });
  }

  /** The stored answer for a retry, undefined for a first request, or a refusal for a misused key. */
  replayFor(request: IdempotentRequest, now = Date.now()): StoredAnswer | undefined {
    const entries = this.byApiKey.get(request.apiKey);
    const entry = entries?.get(request.key);
    if (!entry) return undefined;
    if (now - entry.storedAt > KEY_LIFETIME_MS) {
      entries?.delete(request.key);
      return undefined;
    }
    const retry = `Try using a key other than '${request.key}' if you meant to execute a different request.`;
    if (entry.endpoint !== request.endpoint)
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${request.endpoint}' vs '${entry.endpoint}'). ${retry}`,
      );
    if (entry.params !== canonical(request.params))
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`,
      );
    return entry.answer;
  }

  remember(request: IdempotentRequest, answer: StoredAnswer, now = Date.now()): void {
    let entries = this.byApiKey.get(request.apiKey);
    if (!entries) {
      entries = new Map();
      this.byApiKey.set(request.apiKey, entries);
    }
    // Entries are in the order they were stored: the expired ones are at the front.
    for (const [key, entry] of entries) {
      if (now - entry.storedAt <= KEY_LIFETIME_MS) break;
      entries.delete(key);
    }
    entries.set(request.key, {
      endpoint: request.endpoint,
      params: canonical(request.params),
      answer,
      storedAt: now,
    });
  }
}
