import type { NotificationRecord } from "./notification.record.js";
import type { NotificationsService, NotifyRequest } from "./notifications.service.js";

/** `notify` for a person the test knows is not erased: the notification must have been made. */
export async function notified(
  service: NotificationsService,
  request: NotifyRequest,
): Promise<NotificationRecord> {
  const made = await service.notify(request);
  if (!made) throw new Error(`nothing was notified: ${request.userId} is erased`);
  return made;
}
