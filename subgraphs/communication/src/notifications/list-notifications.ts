import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { NotificationListKey, NotificationRecord } from "./notification.record.js";
import type { NotificationConnection } from "./notification.type.js";
import type { NotificationsStore } from "./notifications.store.js";

const CURSOR_KIND = "notifications";

const cursorOf = (notification: NotificationRecord) =>
  encodeCursor(CURSOR_KIND, [notification.createdAt.getTime(), notification.id]);

function afterKey(after: string | null | undefined): NotificationListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string") {
    throw badUserInput("`after` is not a valid cursor", "after");
  }
  return { createdAt: new Date(createdAt), id };
}

/** One page of a person's notifications, newest first, with the counts a badge needs. */
export async function listNotifications(
  store: NotificationsStore,
  userId: string,
  first: number,
  after: string | null | undefined,
  unreadOnly: boolean,
): Promise<NotificationConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const [page, totalCount, unreadCount] = await Promise.all([
    store.listByUser(userId, size, key, unreadOnly),
    store.countByUser(userId, unreadOnly),
    store.countByUser(userId, true),
  ]);
  const edges = page.records.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined), totalCount, unreadCount };
}
