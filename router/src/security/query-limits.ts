import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import { ErrorCode } from "@venta/kit";
import { type GraphQLFormattedError, specifiedRules, type ValidationRule } from "graphql";
import type { RouterContext } from "../gateway.js";
import { FiniteNumbersRule } from "./finite-numbers.js";

export const QUERY_TOO_COMPLEX = ErrorCode.QueryTooComplex;

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Longest query text, in characters. */
  maxQueryChars: number;
  /** Longest list anywhere in the variables. */
  maxListItems: number;
}

type Limit = "DEPTH" | "ALIASES" | "DIRECTIVES" | "TOKENS" | "COST";

/**
 * Marks a rejected operation with the limit it broke. Apollo reports every validation failure as
 * GRAPHQL_VALIDATION_FAILED; `formatLimitError` turns the marked ones into QUERY_TOO_COMPLEX, so
 * clients can tell "too big" from "wrong".
 */
const reject =
  (limit: Limit): GraphQLArmorRejectCallback =>
  (context, error) => {
    Object.assign(error.extensions, { limit });
    // Reported, not thrown: a throw escapes graphql's validate() instead of failing the operation.
    context?.reportError(error);
  };

const validationLimit = (n: number, limit: Limit) => ({
  n,
  onReject: [reject(limit)],
  propagateOnRejection: false,
});

/**
 * graphql-armor's protections, applied by the router before planning: no subgraph does any work
 * for an operation that breaks a limit.
 */
export function queryProtections(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: validationLimit(limits.maxDepth, "DEPTH"),
    maxAliases: validationLimit(limits.maxAliases, "ALIASES"),
    maxDirectives: validationLimit(limits.maxDirectives, "DIRECTIVES"),
    costLimit: { maxCost: limits.maxCost, onReject: [reject("COST")], propagateOnRejection: false },
    // GraphQL's own parser counts tokens (parseOptions below); armor's version fails with a 500.
    maxTokens: { enabled: false },
    // Its mask misses enum values and variables' errors, and hides hints from everyone:
    // schemaSuggestions takes them out for exactly the callers who may not introspect.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const validationRules = [...protection.validationRules, FiniteNumbersRule];
  return {
    // graphql-armor is typed against Apollo's CommonJS build and the router uses its ESM build:
    // the same plugin interface, declared twice.
    plugins: protection.plugins as unknown as ApolloServerPlugin<RouterContext>[],
    validationRules,
    /** For operations validated outside Apollo (subscriptions): the same rules, plus GraphQL's own. */
    allRules: [...specifiedRules, ...validationRules] as readonly ValidationRule[],
    maxTokens: limits.maxTokens,
    /** For Apollo: the parser stops at this many tokens, so a flood is never even parsed. */
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

const TOKEN_FLOOD = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const flood = TOKEN_FLOOD.exec(formatted.message);
  if (flood) {
    return {
      message: `Token limit of ${flood[1]} exceeded.`,
      extensions: { code: QUERY_TOO_COMPLEX, limit: "TOKENS" },
    };
  }
  const limit = formatted.extensions?.limit;
  if (typeof limit !== "string") return formatted;
  return {
    ...formatted,
    message: formatted.message.replace(/^Syntax Error: /, ""),
    extensions: { ...formatted.extensions, code: QUERY_TOO_COMPLEX },
  };
}
