import { isAdmin, type Viewer } from "@venta/auth";
import type { ReviewRecord } from "./review.record.js";

/** Flags, moderation and unpublished states are between a review's author and the admins. */
export const seesModeration = (viewer: Viewer, review: Pick<ReviewRecord, "authorId">): boolean =>
  isAdmin(viewer) || (viewer.userId !== null && viewer.userId === review.authorId);

/** A published review is public; any other only its author and admins see. */
export const canSee = (viewer: Viewer, review: Pick<ReviewRecord, "authorId" | "status">): boolean =>
  review.status === "PUBLISHED" || seesModeration(viewer, review);
