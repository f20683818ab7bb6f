import type { AuthCheckerFn } from "type-graphql";
import { forbidden, unauthenticated } from "./auth-errors.js";
import type { Role } from "./roles.js";
import type { Viewer } from "./viewer.js";

/**
 * type-graphql's `@Authorized(...roles)`: no roles listed means any signed-in person; otherwise the
 * viewer needs one of them. Failing throws a coded error before the resolver runs, so nothing is
 * written. Ownership (a vendor changes only its own vendors) is checked by the services.
 */
export const authChecker: AuthCheckerFn<{ viewer: Viewer }, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.userId === null && viewer.partner === null) throw unauthenticated();
  if (roles.length === 0) {
    if (viewer.userId === null) throw forbidden("only a signed-in person may do this");
    return true;
  }
  if (!roles.some((role) => viewer.roles.includes(role))) {
    throw forbidden(`this needs the ${roles.join(" or ")} role`);
  }
  return true;
};
