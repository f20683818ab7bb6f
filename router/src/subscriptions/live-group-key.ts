import { type DocumentNode, type ExecutionArgs, Kind, print, type SelectionSetNode, visit } from "graphql";

/**
 * What makes two live subscriptions' results for the same event identical, as one string: the
 * document with the root field's arguments taken out, the operation, the values of the variables
 * the rest of the document reads, and the rights the result is computed with. The root field's
 * arguments only choose the area (which events a subscriber gets, and their kind, decided per
 * subscriber by the hub); nothing else in an event's result depends on them, so subscribers who
 * differ only in area share an execution. Aliases, fragments, directives and every other variable
 * stay in the key, so a subscriber never gets a result shaped for another.
 */
export function liveGroupKey(args: ExecutionArgs, rights: string): string {
  const rootType = args.schema.getSubscriptionType()?.name;
  const document = withoutRootArguments(args.document, rootType);
  const read = variablesRead(document);
  const variables = args.variableValues ?? {};
  const values = [...read].sort().map((name) => [name, variables[name] ?? null]);
  return JSON.stringify([rights, args.operationName ?? null, print(document), values]);
}

/** The document with no arguments on the fields selected on the subscription root. */
function withoutRootArguments(document: DocumentNode, rootType: string | undefined): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "subscription")
        return { ...definition, selectionSet: stripped(definition.selectionSet) };
      // A fragment on the root type is spread at the root: its fields are root fields too.
      if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.typeCondition.name.value === rootType)
        return { ...definition, selectionSet: stripped(definition.selectionSet) };
      return definition;
    }),
  };
}

function stripped(selectionSet: SelectionSetNode): SelectionSetNode {
  return {
    ...selectionSet,
    selections: selectionSet.selections.map((selection) => {
      if (selection.kind === Kind.FIELD) return { ...selection, arguments: [] };
      if (selection.kind === Kind.INLINE_FRAGMENT)
        return { ...selection, selectionSet: stripped(selection.selectionSet) };
      return selection;
    }),
  };
}

const skipSubtree = () => false;

/** The variables a document reads, not counting their own definitions. */
function variablesRead(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    // A definition names its variable without reading it: its subtree is skipped.
    VariableDefinition: { enter: skipSubtree },
    Variable: {
      enter(variable) {
        names.add(variable.name.value);
      },
    },
  });
  return names;
}
