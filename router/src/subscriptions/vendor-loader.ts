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
 * the same tick, to however many subscribers, becomes one operation per distinct selection, with
 * one aliased `vendor(id:)` per vendor; the router then plans it like any query.
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
        const definitions = [...ids.map((_, i) => `$live_v${i}: ID!`), ...first.variableDefinitions];
        const fields = ids.map((_, i) => `live_v${i}: vendor(id: $live_v${i}) ${first.selection}`);
        const query = `query LiveVendors(${definitions.join(", ")}) {\n${fields.join("\n")}\n}\n${first.fragments.join("\n")}`;
        const variables = {
          ...first.variables,
          ...Object.fromEntries(ids.map((id, i) => [`live_v${i}`, id])),
        };
        let response: SupergraphResult;
        try {
          response = await this.execute(query, variables);
        } catch (error) {
          for (const request of group)
            results.set(request, error instanceof Error ? error : new Error(String(error)));
          return;
        }
        for (const request of group) {
          const alias = `live_v${ids.indexOf(request.vendorId)}`;
          const value = response.data?.[alias];
          if (value !== null && value !== undefined) {
            results.set(request, value);
            continue;
          }
          const error = response.errors?.find((e) => e.path?.[0] === alias) ?? response.errors?.[0];
          results.set(
            request,
            new GraphQLError(error?.message ?? `vendor ${request.vendorId} is unavailable`),
          );
        }
      }),
    );
    return requests.map((request) => results.get(request));
  }
}

function requestFor(vendorId: string, info: GraphQLResolveInfo): VendorRequest {
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
  const variables = Object.fromEntries([...variableNames].map((name) => [name, info.variableValues[name]]));
  const selection = print(selectionSet);
  const fragments = [...fragmentNames].flatMap((name) =>
    info.fragments[name] ? [print(info.fragments[name])] : [],
  );
  const variableDefinitions = definitions.map((d) => print(d));
  return {
    vendorId,
    group: JSON.stringify([selection, fragments, variableDefinitions, variables]),
    selection,
    fragments,
    variableDefinitions,
    variables,
  };
}
