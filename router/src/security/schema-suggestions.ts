import type { ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "@venta/auth";
import type { GraphQLFormattedError } from "graphql";
import { mayIntrospect, type OperationPolicyOptions } from "./operation-policy.js";

/**
 * GraphQL's hints name fields, arguments, types and enum values the caller did not write: "Did you
 * mean "price"?", "Did you mean the enum value "TACOS"?". Each hint is one sentence ending the
 * message (or a clause inside a variable's error), and names never hold a "?".
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, "");

/** The errors as a caller may see them: hints only for those who may read the schema anyway. */
export function errorsFor(
  policy: OperationPolicyOptions,
  viewer: Viewer,
  errors: readonly GraphQLFormattedError[],
): GraphQLFormattedError[] {
  if (mayIntrospect(policy, viewer)) return [...errors];
  return errors.map((error) => ({ ...error, message: withoutSuggestions(error.message) }));
}

/**
 * On HTTP, after every other step: validation, variable coercion in the gateway and subgraphs'
 * answers all write hints, so they are taken out of the response as it leaves.
 */
export function schemaSuggestions(policy: OperationPolicyOptions): ApolloServerPlugin<{ viewer: Viewer }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const { errors } = response.body.singleResult;
          if (errors) response.body.singleResult.errors = errorsFor(policy, contextValue.viewer, errors);
        },
      };
    },
  };
}
