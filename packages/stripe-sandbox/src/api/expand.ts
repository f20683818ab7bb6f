import { invalidRequest } from "../http/api-error.js";
import type { SandboxState } from "../state.js";

/** Stripe refuses expansions deeper than four levels (`a.b.c.d`). */
const MAX_EXPAND_DEPTH = 4;

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function expandInto(target: Record<string, unknown>, segments: string[], path: string, state: SandboxState) {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  const value = target[field];
  // `data.x` on a list expands `x` in every item.
  if (field === "data" && Array.isArray(value)) {
    for (const item of value) if (isRecord(item)) expandInto(item, rest, path, state);
    return;
  }
  if (!Object.hasOwn(target, field)) throw cannotExpand(path);
  if (value === null) return;
  if (typeof value === "string") {
    const found = state.find(value);
    if (!found) throw cannotExpand(path);
    const copy: Record<string, unknown> = { ...structuredClone(found) };
    target[field] = copy;
    expandInto(copy, rest, path, state);
    return;
  }
  if (isRecord(value) && rest.length > 0) {
    expandInto(value, rest, path, state);
    return;
  }
  throw cannotExpand(path);
}

/**
 * The response for `object` with each `expand` path's ids replaced by their objects
 * (`latest_charge`, `latest_charge.balance_transaction`, `data.source` on a list). The stored
 * object is never changed: the expansion is made on a copy.
 */
export function expanded(state: SandboxState, object: object, paths: string[] | undefined): object {
  if (!paths || paths.length === 0) return object;
  const copy: Record<string, unknown> = { ...structuredClone(object) };
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > MAX_EXPAND_DEPTH || segments.some((segment) => segment === ""))
      throw cannotExpand(path);
    expandInto(copy, segments, path, state);
  }
  return copy;
}
