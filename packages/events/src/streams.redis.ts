import type { Redis } from "ioredis";
import { parsePayload } from "./delivery.js";
import type { RawEvent } from "./event-bus.js";

/** One stream entry as Redis replies: its id and its fields as a flat name, value, … list. */
export type StreamEntry = [id: string, fields: string[]];

/** The fields an event is stored as, in an event stream and in dead-letter and redrive streams. */
export function eventFields(event: RawEvent): string[] {
  return [
    "id",
    event.id,
    "type",
    event.type,
    "payload",
    JSON.stringify(event.payload),
    "occurredAt",
    event.occurredAt,
    ...(event.traceparent ? ["traceparent", event.traceparent] : []),
  ];
}

export function fieldsOf(fields: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] as string, fields[i + 1] as string);
  return map;
}

/** Never throws: a malformed entry must reach validation, and from there the dead letters. */
export function rawEventOf(entryId: string, fields: readonly string[]): RawEvent {
  const map = fieldsOf(fields);
  return {
    id: map.get("id") ?? entryId,
    type: map.get("type") ?? "",
    payload: parsePayload(map.get("payload")),
    occurredAt: map.get("occurredAt") ?? "",
    traceparent: map.get("traceparent"),
  };
}

/**
 * When Redis added an entry (epoch ms, Redis' clock): the first part of an id Redis chose itself
 * (`XADD … *`, as every publish does). Undefined for an id it cannot read.
 */
export function entryTimeOf(entryId: string): number | undefined {
  const ms = Number(entryId.split("-")[0]);
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

/** Orders stream ids (`<ms>-<seq>`) numerically: as strings, "9-0" would sort after "10-0". */
export function compareIds(a: string, b: string): number {
  const [aMs, aSeq] = splitId(a);
  const [bMs, bSeq] = splitId(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/** The smallest id after `id`: trimming below it keeps everything a group has yet to read. */
export function successorId(id: string): string {
  const [ms, seq] = splitId(id);
  return `${ms}-${seq + 1n}`;
}

function splitId(id: string): [bigint, bigint] {
  const [ms = "0", seq = "0"] = id.split("-");
  return [BigInt(ms), BigInt(seq)];
}

export interface GroupInfo {
  name: string;
  pending: number;
  lastDeliveredId: string;
  /** Entries not yet delivered to the group; null when Redis cannot tell (after XDEL). */
  lag: number | null;
}

/** XINFO GROUPS, parsed; none for a stream that does not exist. */
export async function groupsOf(redis: Redis, stream: string): Promise<GroupInfo[]> {
  if ((await redis.exists(stream)) === 0) return [];
  const reply = (await redis.xinfo("GROUPS", stream)) as unknown[][];
  return reply.map((flat) => {
    const info = new Map<string, unknown>();
    for (let i = 0; i + 1 < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1]);
    const lag = info.get("lag");
    return {
      name: String(info.get("name")),
      pending: Number(info.get("pending") ?? 0),
      lastDeliveredId: String(info.get("last-delivered-id") ?? "0-0"),
      lag: lag === null || lag === undefined ? null : Number(lag),
    };
  });
}
