import DataLoader from "dataloader";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLResolveInfo,
  Kind,
  print,
  type SelectionSetNode,
  type VariableDefinitionNode,
  visit,
} from "graphql";

/** What the supergraph answers to one operation. */
export interface SupergraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[] }[];
}

/** Runs one operation against the supergraph, as the router runs a client's query. */
export type SupergraphExecutor = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<SupergraphResult>;

/** As many ids as `vendorsByIds` takes at once. */
const MAX_IDS = 500;

interface VendorRequest {
  vendorId: string;
  /** Same text for every subscriber selecting the same vendor fields with the same variables. */
  group: string;
  selection: string;
  fragments: string[];
  variableDefinitions: string[];
  variables: Record<string, unknown>;
}

/**
 * Resolves the `vendor` of live events through the supergraph, batched: every event delivered in
 * the same tick, to however many subscribers, becomes one `vendorsByIds` operation per distinct
 * selection (and per 500 vendors); the router then plans it like any query.
 */
export class VendorLoader {
  private readonly loader: DataLoader<VendorRequest, unknown, VendorRequest>;

  constructor(private readonly execute: SupergraphExecutor) {
    this.loader = new DataLoader((requests) => this.fetch(requests), { cache: false, maxBatchSize: 1_000 });
  }

  load(vendorId: string, info: GraphQLResolveInfo): Promise<unknown> {
    return this.loader.load(requestFor(vendorId, info));
  }

  private async fetch(requests: readonly VendorRequest[]): Promise<unknown[]> {
    const groups = new Map<string, VendorRequest[]>();
    for (const request of requests) {
      const group = groups.get(request.group) ?? [];
      group.push(request);
      groups.set(request.group, group);
    }
    const results = new Map<VendorRequest, unknown>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const ids = [...new Set(group.map((r) => r.vendorId))];
        const first = group[0] as VendorRequest;
        const definitions = ["$live_ids: [ID!]!", ...first.variableDefinitions].join(", ");
        const query = `query LiveVendors(${definitions}) {\n  live_vendors: vendorsByIds(ids: $live_ids) ${first.selection}\n}\n${first.fragments.join("\n")}`;
        const found = new Map<string, unknown>();
        const chunks: string[][] = [];
        for (let start = 0; start < ids.length; start += MAX_IDS)
          chunks.push(ids.slice(start, start + MAX_IDS));
        await Promise.all(
          chunks.map(async (chunk) => {
            let response: SupergraphResult;
            try {
              response = await this.execute(query, { ...first.variables, live_ids: chunk });
            } catch (error) {
              const failure = error instanceof Error ? error : new Error(String(error));
              for (const id of chunk) found.set(id, failure);
              return;
            }
            const vendors = response.data?.live_vendors;
            chunk.forEach((id, i) => {
              const value = Array.isArray(vendors) ? vendors[i] : null;
              if (value !== null && value !== undefined) {
                found.set(id, value);
                return;
              }
              const error = response.errors?.find((e) => e.path?.[1] === i) ?? response.errors?.[0];
              found.set(id, new GraphQLError(error?.message ?? `vendor ${id} is unavailable`));
            });
          }),
        );
        for (const request of group) results.set(request, found.get(request.vendorId));
      }),
    );
    return requests.map((request) => results.get(request));
  }
}

/** The printed parts of a `vendor` selection, which depend on the document only. */
interface PrintedSelection {
  fieldNodes: readonly FieldNode[];
  selection: string;
  fragments: string[];
  variableDefinitions: string[];
  variableNames: string[];
}

/**
 * Printed selections by their first field node: a group of subscribers executes its document
 * again for every event, and printing the selection each time cost more than the rest of the event.
 */
const printed = new WeakMap<FieldNode, PrintedSelection>();

function requestFor(vendorId: string, info: GraphQLResolveInfo): VendorRequest {
  const parts = printedSelection(info);
  const variables = Object.fromEntries(parts.variableNames.map((name) => [name, info.variableValues[name]]));
  return {
    vendorId,
    group: JSON.stringify([parts.selection, parts.fragments, parts.variableDefinitions, variables]),
    selection: parts.selection,
    fragments: parts.fragments,
    variableDefinitions: parts.variableDefinitions,
    variables,
  };
}

function printedSelection(info: GraphQLResolveInfo): PrintedSelection {
  const first = info.fieldNodes[0] as FieldNode;
  const known = printed.get(first);
  // The same first node with other merged nodes (an @include that varies by variables) is printed anew.
  if (
    known &&
    known.fieldNodes.length === info.fieldNodes.length &&
    known.fieldNodes.every((node, i) => node === info.fieldNodes[i])
  )
    return known;
  const selectionSet: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: info.fieldNodes.flatMap((node: FieldNode) => node.selectionSet?.selections ?? []),
  };
  const fragmentNames = new Set<string>();
  const variableNames = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (fragmentNames.has(spread.name.value)) return;
        fragmentNames.add(spread.name.value);
        const fragment = info.fragments[spread.name.value];
        if (fragment) collect(fragment);
      },
      Variable(variable) {
        variableNames.add(variable.name.value);
      },
    });
  collect(selectionSet);
  const definitions = (info.operation.variableDefinitions ?? []).filter((d: VariableDefinitionNode) =>
    variableNames.has(d.variable.name.value),
  );
  const parts: PrintedSelection = {
    fieldNodes: [...info.fieldNodes],
    selection: print(selectionSet),
    fragments: [...fragmentNames].flatMap((name) =>
      info.fragments[name] ? [print(info.fragments[name])] : [],
    ),
    variableDefinitions: definitions.map((d) => print(d)),
    variableNames: [...variableNames],
  };
  printed.set(first, parts);
  return parts;
}
