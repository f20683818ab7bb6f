import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from "graphql";

/** Where a subgraph serves its GraphQL (and so its subscriptions): the supergraph's name and URL. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const argument = (directive: ConstDirectiveNode, name: string): string | boolean | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
};

const directives = (node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);

/**
 * Which subgraph owns each subscription root field, read from the supergraph SDL: a field's own
 * `@join__field(graph:)`, else its type's single `@join__type(graph:)`. A subgraph's URL is the
 * router's configured one (`urls`), else the one composed into `join__Graph`.
 */
export function subscriptionOwners(
  supergraphSdl: string,
  urls: Readonly<Record<string, string>> = {},
): Map<string, SubgraphEndpoint> {
  const document = parse(supergraphSdl);
  const graphs = new Map<string, SubgraphEndpoint>();
  let subscriptionTypeName = "Subscription";
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph") {
      for (const value of definition.values ?? []) {
        const [graph] = directives(value, "join__graph");
        const name = graph && argument(graph, "name");
        const url = graph && argument(graph, "url");
        if (typeof name === "string" && typeof url === "string")
          graphs.set(value.name.value, { name, url: urls[name] ?? url });
      }
    }
    if (definition.kind === Kind.SCHEMA_DEFINITION) {
      const root = definition.operationTypes.find((t) => t.operation === "subscription");
      if (root) subscriptionTypeName = root.type.name.value;
    }
  }
  const owners = new Map<string, SubgraphEndpoint>();
  for (const definition of document.definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== subscriptionTypeName
    )
      continue;
    const typeGraphs = directives(definition, "join__type").map((d) => argument(d, "graph"));
    for (const field of definition.fields ?? []) {
      const fieldGraphs = directives(field, "join__field")
        .filter((d) => argument(d, "external") !== true)
        .map((d) => argument(d, "graph"))
        .filter((graph) => graph !== undefined);
      const candidates = fieldGraphs.length > 0 ? fieldGraphs : typeGraphs;
      const owner = candidates.length === 1 ? graphs.get(String(candidates[0])) : undefined;
      if (owner) owners.set(field.name.value, owner);
    }
  }
  return owners;
}

/** The one root field a subscription operation selects (GraphQL validation allows exactly one). */
export function rootFieldName(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const first = (selectionSet: SelectionSetNode, seen: Set<string>): FieldNode | undefined => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) return selection;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const found = first(selection.selectionSet, seen);
        if (found) return found;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        const found = fragment && first(fragment.selectionSet, seen);
        if (found) return found;
      }
    }
    return undefined;
  };
  return first(operation.selectionSet, new Set())?.name.value;
}
