import type { Experimental_DidResolveQueryPlanCallback, GraphQLDataSource } from "@apollo/gateway";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

type PlanResolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type FetchNode = Extract<NonNullable<PlanResolved["queryPlan"]["node"]>, { kind: "Fetch" }>;

/**
 * An operation the planner sends, whole, to one subgraph, and whose answer the gateway would hand
 * back unchanged: no entity hops, no rewrites, no introspection to merge, no abstract type whose
 * `__typename` the planner adds and the gateway then strips. Such an answer can skip the gateway's
 * per-request re-reading of the operation and reshaping of the result.
 */
export interface SingleFetch {
  /** The client's operation name this was learnt for: one document may hold several operations. */
  operationName: string | null;
  fetch: FetchNode;
  source: GraphQLDataSource;
  operation: OperationDefinitionNode;
  /**
   * What the gateway answers as `data` when the subgraph gave none: each root field null, or no
   * data at all when a root field is non-null.
   */
  dataWithoutAnswer: Record<string, null> | null;
}

/**
 * Single-fetch operations, learnt from the gateway's own plans: a document's first request goes
 * through the gateway, which reports its plan; later requests of the same parsed document (Apollo
 * caches one per operation text) may then take the short way. Keyed weakly, so a document Apollo
 * forgets is forgotten here too.
 */
export class SingleFetchPlans {
  private plans = new WeakMap<DocumentNode, SingleFetch | null>();

  /** The gateway's `experimental_didResolveQueryPlan` hook. */
  readonly learn = ({ queryPlan, serviceMap, requestContext }: PlanResolved): void => {
    const { document, schema } = requestContext;
    if (!document || this.plans.has(document)) return;
    const node = queryPlan.node;
    const source = node?.kind === "Fetch" ? serviceMap[node.serviceName] : undefined;
    const operationName = requestContext.request.operationName ?? null;
    this.plans.set(
      document,
      node?.kind === "Fetch" && source ? singleFetchOf(node, source, schema, document, operationName) : null,
    );
  };

  /** The short way for this request, if its document was learnt as a single fetch of the same operation. */
  find(
    document: DocumentNode | undefined,
    operationName: string | null | undefined,
  ): SingleFetch | undefined {
    const plan = document ? this.plans.get(document) : undefined;
    return plan && plan.operationName === (operationName ?? null) ? plan : undefined;
  }

  /** A new supergraph plans everything anew. */
  forget(): void {
    this.plans = new WeakMap();
  }
}

function singleFetchOf(
  fetch: FetchNode,
  source: GraphQLDataSource,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
): SingleFetch | null {
  if (fetch.requires || fetch.operationKind === "subscription" || fetch.hasDefers) return null;
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length)
    return null;
  const operation = operationIn(document, operationName);
  if (!operation || !answeredAsSent(schema, document)) return null;
  const rootFields = rootFieldsOf(schema, operation);
  if (!rootFields) return null;
  const dataWithoutAnswer = rootFields.some((field) => field.nonNull)
    ? null
    : Object.fromEntries(rootFields.map((field) => [field.key, null]));
  return { operationName, fetch, source, operation, dataWithoutAnswer };
}

function operationIn(document: DocumentNode, name: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (name === null) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((operation) => operation.name?.value === name);
}

/**
 * Whether the subgraph's answer to the planner's fetch is already the client's answer: no field of
 * an abstract type (the planner adds `__typename` there) and no `__schema` / `__type` (the gateway
 * answers those itself and merges them in).
 */
function answeredAsSent(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let plain = true;
  const abstract = (typeName: string | undefined) => {
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    return type !== undefined && type !== null && isAbstractType(type);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        if (
          node.name.value === "__schema" ||
          node.name.value === "__type" ||
          !type ||
          isAbstractType(getNamedType(type))
        ) {
          plain = false;
        }
      },
      InlineFragment(node) {
        if (abstract(node.typeCondition?.name.value)) plain = false;
      },
      FragmentDefinition(node: FragmentDefinitionNode) {
        if (abstract(node.typeCondition.name.value)) plain = false;
      },
    }),
  );
  return plain;
}

interface RootField {
  /** The field's key in `data`: its alias or its name. */
  key: string;
  nonNull: boolean;
}

/**
 * The operation's root fields, when each is a plain field: root fragments, conditions and
 * `__typename` are merged in by the gateway's own reshaping, so those operations keep it.
 */
function rootFieldsOf(schema: GraphQLSchema, operation: OperationDefinitionNode): RootField[] | undefined {
  const root = schema.getRootType(operation.operation);
  const fields: RootField[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
    const field = root?.getFields()[selection.name.value];
    if (!field) return undefined;
    fields.push({ key: selection.alias?.value ?? selection.name.value, nonNull: isNonNullType(field.type) });
  }
  return fields;
}
