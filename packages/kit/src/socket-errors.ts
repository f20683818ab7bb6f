import type { Logger } from "pino";
import type { WebSocketServer } from "ws";

/**
 * graphql-ws prints every socket error to stderr as an internal error. On a server socket the only
 * errors are a client's doing (a frame over the size limit, bad UTF-8, a broken frame), and `ws` has
 * already closed the socket with the fitting code (1009, 1007, 1002): they are logged at debug, so a
 * client cannot flood the logs. Call it after graphql-ws's `useServer`, whose listener it replaces.
 */
export function logSocketErrorsQuietly(wsServer: WebSocketServer, log: Logger): void {
  wsServer.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error) =>
      log.debug({ err: error.message }, "subscription socket closed on a bad frame"),
    );
  });
}
