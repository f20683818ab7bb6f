import type { Viewer } from "@venta/auth";

/** Who made a request, as a bounded label: never who exactly. */
export type CallerKind = "anonymous" | "person" | "partner" | "internal";

export function callerKindOf(viewer: Viewer, internal = false): CallerKind {
  if (internal) return "internal";
  if (viewer.partner) return "partner";
  return viewer.userId ? "person" : "anonymous";
}
