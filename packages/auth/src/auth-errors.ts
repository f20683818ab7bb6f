import { GraphQLError } from "graphql";

/** No valid identity: the token is missing where one is needed, expired, forged or for someone else. */
export function unauthenticated(message = "sign in to do this", httpStatus?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/** A valid identity that may not do this. */
export function forbidden(message = "you may not do this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
