import type { WebSocketServer } from "ws";
import type { LiveMetrics } from "./live-metrics.js";

/**
 * Keeps `venta_live_sockets` and `venta_live_subscriptions` of one graphql-ws server: sockets as
 * they open and close, subscriptions from the moment they run (`onOperation`) to their end
 * (`onComplete`) or their socket's closing, whichever comes first.
 */
export function trackLiveSockets(wsServer: WebSocketServer, metrics: LiveMetrics) {
  const running = new WeakMap<object, Set<string>>();
  wsServer.on("connection", (socket) => {
    metrics.socketOpened();
    socket.once("close", () => {
      metrics.socketClosed();
      const ids = running.get(socket);
      if (!ids) return;
      for (const _ of ids) metrics.subscriptionEnded();
      running.delete(socket);
    });
  });
  return {
    started(socket: object, id: string): void {
      let ids = running.get(socket);
      if (!ids) {
        ids = new Set();
        running.set(socket, ids);
      }
      if (ids.has(id)) return;
      ids.add(id);
      metrics.subscriptionStarted();
    },
    ended(socket: object, id: string): void {
      if (running.get(socket)?.delete(id)) metrics.subscriptionEnded();
    },
  };
}
