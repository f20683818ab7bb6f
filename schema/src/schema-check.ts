import { type Change, ChangeType, CriticalityLevel, diff } from "@graphql-inspector/core";
import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { apiSchema } from "./api-schema.js";

export type Criticality = "breaking" | "dangerous" | "safe";

export interface SchemaChange {
  criticality: Criticality;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** The element changed, e.g. `Vendor.name` or `Query.vendor.id`. */
  path: string | undefined;
  message: string;
  /** False only for a breaking change that does not remove something deprecated in the baseline. */
  allowed: boolean;
}

export interface SchemaCheckReport {
  changes: SchemaChange[];
  /** The breaking changes the rule lets through: each removes what the baseline had deprecated. */
  allowedBreaking: SchemaChange[];
  /** The breaking changes that fail the check. */
  blocking: SchemaChange[];
  passed: boolean;
}

const criticalities: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "safe",
};

/**
 * Compares what clients see of two supergraphs. A breaking change passes only when it removes
 * something the baseline had deprecated: a field, enum value, argument or input field, or a type
 * that only deprecated elements referred to. Deprecation promises removal, not a different shape,
 * so any other breaking change fails, on deprecated elements too.
 */
export async function checkSchemaChange(
  baselineSupergraphSdl: string,
  candidateSupergraphSdl: string,
): Promise<SchemaCheckReport> {
  const baseline = apiSchema(baselineSupergraphSdl);
  // No inspector rules: by default it calls every removal BREAKING, deprecated or not. Its opt-in
  // suppressRemovalOfDeprecatedField skips arguments and downgrades every type removal, so the rule is ours.
  const changes = (await diff(baseline, apiSchema(candidateSupergraphSdl))).map(
    (change): SchemaChange => ({
      criticality: criticalities[change.criticality.level],
      type: change.type,
      path: change.path,
      message: change.message,
      allowed: change.criticality.level !== CriticalityLevel.Breaking || removesDeprecated(baseline, change),
    }),
  );
  const breaking = changes.filter((change) => change.criticality === "breaking");
  const blocking = breaking.filter((change) => !change.allowed);
  return {
    changes,
    allowedBreaking: breaking.filter((change) => change.allowed),
    blocking,
    passed: blocking.length === 0,
  };
}

function removesDeprecated(baseline: GraphQLSchema, change: Change): boolean {
  if (!change.path) return false;
  const [typeName = "", member = "", argument = ""] = change.path.split(".");
  const type = baseline.getType(typeName);
  switch (change.type) {
    case ChangeType.FieldRemoved:
      return (isObjectType(type) || isInterfaceType(type)) && isDeprecated(type.getFields()[member]);
    case ChangeType.FieldArgumentRemoved: {
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[member] : undefined;
      return isDeprecated(field?.args.find((arg) => arg.name === argument));
    }
    case ChangeType.InputFieldRemoved:
      return isInputObjectType(type) && isDeprecated(type.getFields()[member]);
    case ChangeType.EnumValueRemoved:
      return isEnumType(type) && isDeprecated(type.getValue(member));
    case ChangeType.TypeRemoved:
      return type !== undefined && onlyDeprecatedReferences(baseline, type);
    default:
      return false;
  }
}

function isDeprecated(
  element: { deprecationReason?: string | null | undefined } | undefined | null,
): boolean {
  return element?.deprecationReason != null;
}

/**
 * Types cannot be deprecated; removing one is the last step of deprecating everything that returns
 * or takes it. A root type, a union member or an implementation is reachable without those, so it is not.
 */
function onlyDeprecatedReferences(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  if (roots.some((root) => root === type)) return false;
  if ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().length > 0) return false;
  for (const other of Object.values(schema.getTypeMap())) {
    if (other === type) continue;
    if (isUnionType(other) && other.getTypes().some((member) => member === type)) return false;
    if (isObjectType(other) || isInterfaceType(other)) {
      for (const field of Object.values(other.getFields())) {
        if (getNamedType(field.type) === type && !isDeprecated(field)) return false;
        for (const arg of field.args) if (getNamedType(arg.type) === type && !isDeprecated(arg)) return false;
      }
    }
    if (isInputObjectType(other)) {
      for (const field of Object.values(other.getFields()))
        if (getNamedType(field.type) === type && !isDeprecated(field)) return false;
    }
  }
  return true;
}
