import { conflict } from "@venta/kit";
import type { MiddlewareFn } from "type-graphql";
import type { CommunicationContext } from "../context.js";

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

/** One look-up per request, however many root fields it selects. */
const erasedByRequest = new WeakMap<CommunicationContext, Promise<boolean>>();

/**
 * A person whose account was deleted gets CONFLICT from every operation here, writes and reads of
 * their own data alike, as marketplace answers them. The router already refuses a deleted account's
 * token; this holds when marketplace could not be asked. The erasure records the person with their
 * contact details' removal (see `ContactsStore.eraseUser`); stores that write contact details and
 * devices check again inside their write, and every other write is looked at again once done.
 */
export const refuseErasedPeople: MiddlewareFn<CommunicationContext> = async ({ context, info }, next) => {
  const { userId } = context.viewer;
  if (userId === null || !ROOT_TYPES.has(info.parentType.name)) return next();
  let erased = erasedByRequest.get(context);
  if (!erased) {
    erased = context.services.contacts.isErased(userId);
    erasedByRequest.set(context, erased);
  }
  if (await erased) throw conflict("this account was deleted");
  const result = await next();
  // The erasure may have landed between the check above and the write: then it may have missed
  // what was just written. It runs again (it is idempotent) and the write is refused. Either the
  // write committed before the erasure recorded the person, and the erasure removed it, or this
  // second look sees the record.
  if (info.parentType.name === "Mutation" && (await context.services.contacts.isErased(userId))) {
    await context.services.contacts.eraseUser(userId);
    throw conflict("this account was deleted");
  }
  return result;
};
