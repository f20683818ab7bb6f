import { ErrorCode } from "@venta/kit";
import { type FloatValueNode, GraphQLError, type IntValueNode, type ValidationRule } from "graphql";

/** A literal as an error quotes it: a few hundred digits are cut short. */
const shown = (digits: string) => (digits.length > 24 ? `${digits.slice(0, 24)}…` : digits);

/**
 * Refuses number literals no Float can hold (`1e999` is Infinity). GraphQL's own Float accepts them
 * in a document, and the gateway's planner then fails on them with an uncoded error: a 500 for what
 * is the client's mistake. Variables need no rule: coercion already refuses a non-finite value.
 */
export const FiniteNumbersRule: ValidationRule = (context) => {
  // An integer literal with hundreds of digits is Infinity as a Float argument too.
  const check = (node: IntValueNode | FloatValueNode) => {
    if (!Number.isFinite(Number(node.value)))
      context.reportError(
        new GraphQLError(`${shown(node.value)} is too large for a number`, {
          nodes: node,
          extensions: { code: ErrorCode.BadUserInput },
        }),
      );
  };
  return { IntValue: check, FloatValue: check };
};
