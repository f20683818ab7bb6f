import type { NotificationClaim } from "./conversations.store.js";

/** Where one side of a conversation stands for notifications. */
export interface SideNotificationState {
  /** How far the side has read (0: nothing yet). */
  readSeq: number;
  /** The message it was last told about, and when. */
  notified: { seq: number; messageId: string; at: Date } | null;
}

/**
 * The rules every conversations store applies to claim a notification (see `NotificationClaim`):
 * a side hears about a burst of messages once, until it catches up or the window passes.
 */
export function decideNotificationClaim(
  state: SideNotificationState,
  message: { id: string; seq: number },
  coveredSince: Date,
): NotificationClaim {
  const { notified, readSeq } = state;
  if (notified?.messageId === message.id) return "NOTIFY";
  if (readSeq >= message.seq) return "ALREADY_READ";
  if (notified) {
    if (notified.seq > message.seq) return "COVERED";
    const caughtUp = readSeq >= notified.seq;
    if (!caughtUp && notified.at > coveredSince) return "COVERED";
  }
  return "NOTIFY";
}
