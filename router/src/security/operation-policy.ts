import type { ApolloServerPlugin } from "@apollo/server";
import { forbidden, hasScope, PartnerScope, type Viewer } from "@venta/auth";
import type { GraphQLRequestParts, RequestRefusal } from "@venta/kit";
import { BREAK, type DocumentNode, GraphQLError, visit } from "graphql";
import { requestedOperation } from "./request-query.js";
import { sha256Hex, type TrustedDocuments } from "./trusted-documents.js";

export interface OperationPolicyOptions {
  trusted: TrustedDocuments;
  /** Callers without a READ partner key may run trusted documents only. */
  requireTrusted: boolean;
  /** Whether anyone may introspect; otherwise only partner keys with INTROSPECT. */
  introspectionForAnyone: boolean;
}

/**
 * Answers by document: Apollo hands every request of the same operation text the same parsed
 * document from its cache, so the walk is done once per operation rather than once per request.
 */
const schemaAsks = new WeakMap<DocumentNode, boolean>();

/** Whether the operation reads the schema itself (`__schema` / `__type`; `__typename` is fine). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = schemaAsks.get(document);
  if (found === undefined) {
    found = findsSchemaFields(document);
    schemaAsks.set(document, found);
  }
  return found;
}

function findsSchemaFields(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether this caller may read the schema: by introspection, or from "did you mean" hints in errors. */
export function mayIntrospect(options: OperationPolicyOptions, viewer: Viewer): boolean {
  return options.introspectionForAnyone || hasScope(viewer, PartnerScope.Introspect);
}

/**
 * Whether the caller may send this text at all, decided from its hash before it is parsed: validating
 * an untrusted document first would answer "Cannot query field …" or "Unknown argument …", and so
 * tell an outsider which names the schema holds, whatever introspection says.
 */
export function untrustedRefusal(
  options: OperationPolicyOptions,
  viewer: Viewer,
  queryHash: string,
  freeScope: PartnerScope,
): GraphQLError | null {
  if (!options.requireTrusted || hasScope(viewer, freeScope) || options.trusted.has(queryHash)) return null;
  return forbidden(
    `this API runs only the Venta apps' own operations; partners send their own with an X-Api-Key holding the ${freeScope} scope`,
  );
}

/** The same, for an HTTP request before Apollo parses and validates it: 403 for untrusted text. */
export function untrustedRequest(options: OperationPolicyOptions) {
  return (viewer: Viewer, parts: GraphQLRequestParts): RequestRefusal | null => {
    if (!options.requireTrusted) return null;
    // Only the hash sent: the manifest fills in its text, or Apollo answers PERSISTED_QUERY_NOT_FOUND.
    const { query } = requestedOperation(parts);
    if (query === undefined) return null;
    const refused = untrustedRefusal(options, viewer, sha256Hex(query), PartnerScope.Read);
    return refused ? { status: 403, error: refused.toJSON() } : null;
  };
}

/** The decision for one operation, shared by HTTP and subscriptions; null when it may run. */
export function refusal(
  options: OperationPolicyOptions,
  viewer: Viewer,
  queryHash: string,
  document: DocumentNode,
  freeScope: PartnerScope,
): GraphQLError | null {
  const untrusted = untrustedRefusal(options, viewer, queryHash, freeScope);
  if (untrusted) return untrusted;
  if (!mayIntrospect(options, viewer) && asksForSchema(document)) {
    return forbidden("schema introspection needs a partner API key with the INTROSPECT scope");
  }
  return null;
}

/**
 * What may run, decided after parsing and before planning: trusted documents (filled in from their
 * hash when an app sends only that) and introspection. A request's own text is also checked before
 * Apollo parses it (`untrustedRequest`).
 */
export function operationPolicy(
  options: OperationPolicyOptions,
): ApolloServerPlugin<{ viewer: Viewer; internal?: boolean }> {
  return {
    async requestDidStart({ request }) {
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      if (request.query === undefined && typeof hash === "string") {
        const document = options.trusted.document(hash);
        if (document !== undefined) request.query = document;
      }
      const refuse = (refused: GraphQLError) =>
        new GraphQLError(refused.message, { extensions: { ...refused.extensions, http: { status: 403 } } });
      return {
        async didResolveOperation({ contextValue, queryHash, document, operation, request }) {
          // The gateway cannot plan a document without the named operation; say so as a client error.
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `no operation named "${request.operationName}" in the document`
                : "the document holds several operations: name the one to run",
              { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } },
            );
          }
          // The router's own operations (the vendors of live events) were vetted as subscriptions.
          if (contextValue.internal) return;
          const refused = refusal(options, contextValue.viewer, queryHash, document, PartnerScope.Read);
          if (refused) throw refuse(refused);
        },
      };
    },
  };
}
