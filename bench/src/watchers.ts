import type { BoundingBox, GeoPoint } from "@venta/geo";
import { boxContains, type WatchedBox } from "./movers.js";

/**
 * Who should hear of each mover's moves, counted per router. Movers are spaced so that no box
 * holds a mover but its own (see `pickMovers`), so a move is checked against the few boxes drawn
 * around its mover rather than against all of them: at 1,000 updates a second over 10,000 boxes,
 * checking all would be ten million tests a second in the process that stamps the events.
 */
export class Watchers {
  private readonly byMover: { box: BoundingBox; router: number }[][];

  /** `routerOf(subscription)` says which of `routers` a subscription is open on. */
  constructor(
    boxes: readonly WatchedBox[],
    moverCount: number,
    readonly routers: number,
    routerOf: (subscription: number) => number,
  ) {
    this.byMover = Array.from({ length: moverCount }, () => []);
    boxes.forEach(({ mover, box }, subscription) => {
      this.byMover[mover]?.push({ box, router: routerOf(subscription) });
    });
  }

  /**
   * Per router, the subscriptions that should hear of a move from `previous` to `next`: every box
   * that holds either end (MOVED, ENTERED or LEFT), as the live hub decides.
   */
  of(mover: number, previous: GeoPoint, next: GeoPoint): number[] {
    const counts = new Array<number>(this.routers).fill(0);
    for (const { box, router } of this.byMover[mover] ?? [])
      if (boxContains(box, previous) || boxContains(box, next)) counts[router] = (counts[router] ?? 0) + 1;
    return counts;
  }
}
