import type { BaseContext } from "@apollo/server";
import type { Viewer } from "@venta/auth";
import type { Logger } from "pino";

/** What every resolver receives, whatever the subgraph. */
export interface RequestContext extends BaseContext {
  requestId: string;
  log: Logger;
  /** Who is calling, as the router vouched for it (anonymous callers are signed too). */
  viewer: Viewer;
}
