import type { ApolloServerPlugin } from "@apollo/server";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type ValueNode,
  validate,
  visit,
} from "graphql";

/**
 * graphql-armor prices `vendors(first: 100)` by its page size but `vendors(first: $n)` as a single
 * item, so a cost bomb could hide its page sizes in variables. This prices the operation again
 * with the variables' page sizes written in, once they are known.
 */
export function pageSizeCostErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  maxCost: number,
): GraphQLError[] {
  const { defaults, pagedByVariable } = variablePaging(document);
  // Page sizes written in the text were priced when the document was validated.
  if (!pagedByVariable) return [];
  let written = false;
  const priced = visit(document, {
    Argument(node): ArgumentNode | undefined {
      if (node.value.kind !== Kind.VARIABLE || (node.name.value !== "first" && node.name.value !== "last"))
        return undefined;
      const name = node.value.name.value;
      const given = variables?.[name];
      const value: ValueNode | undefined =
        typeof given === "number" && Number.isInteger(given)
          ? { kind: Kind.INT, value: String(given) }
          : defaults.get(name);
      if (value?.kind !== Kind.INT) return undefined;
      written = true;
      return { ...node, value };
    },
  });
  if (!written) return [];
  const errors: GraphQLError[] = [];
  validate(schema, priced, [
    costLimitRule({
      maxCost,
      propagateOnRejection: false,
      onReject: [(_context, error) => errors.push(error)],
    }),
  ]);
  return errors.map((error) => new GraphQLError(error.message, { extensions: { limit: "COST" } }));
}

interface VariablePaging {
  /** Each variable's default value, where it has one. */
  defaults: Map<string, ValueNode>;
  /** Whether any `first` or `last` takes its page size from a variable. */
  pagedByVariable: boolean;
}

/**
 * By document: Apollo hands every request of the same operation text the same parsed document, so
 * most requests (page sizes written in the text, or none) are settled without walking it again.
 */
const pagingByDocument = new WeakMap<DocumentNode, VariablePaging>();

function variablePaging(document: DocumentNode): VariablePaging {
  const known = pagingByDocument.get(document);
  if (known) return known;
  const paging: VariablePaging = { defaults: new Map(), pagedByVariable: false };
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue) paging.defaults.set(node.variable.name.value, node.defaultValue);
    },
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE && (node.name.value === "first" || node.name.value === "last"))
        paging.pagedByVariable = true;
    },
  });
  pagingByDocument.set(document, paging);
  return paging;
}

/** The same check for HTTP operations, after Apollo has parsed and validated them. */
export function pageSizeCost(maxCost: number): ApolloServerPlugin<{ internal?: boolean }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          if (contextValue.internal) return;
          const [error] = pageSizeCostErrors(schema, document, request.variables, maxCost);
          if (error)
            throw new GraphQLError(error.message, {
              extensions: { ...error.extensions, http: { status: 400 } },
            });
        },
      };
    },
  };
}
