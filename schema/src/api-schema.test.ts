import { readFileSync } from "node:fs";
import {
  buildSchema,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { apiSchemaPath } from "./schema-files.js";

/** Every place a partner reads documentation: types, fields, arguments, input fields, enum values. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args)
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      if (!field.description) missing.push(`${type.name}.${field.name}`);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

// The committed file, which the composition test holds to what the subgraphs' code composes to.
const apiSchema = () => buildSchema(readFileSync(apiSchemaPath, "utf8"));

describe("the API schema partners see", () => {
  it("documents every type, field, argument and enum value", () => {
    const schema = apiSchema();
    const rootTypes = new Set(["Query", "Mutation", "Subscription"]);
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith("__") && !isSpecifiedScalarType(type))
      .flatMap(undocumented)
      .filter((name) => !rootTypes.has(name));
    expect(missing).toEqual([]);
  });

  it("lists with Relay connections: every list field with `first` also takes `after` and returns edges and pageInfo", () => {
    const schema = apiSchema();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.args.some((arg) => arg.name === "first")) continue;
        expect(
          field.args.map((arg) => arg.name),
          `${type.name}.${field.name}`,
        ).toContain("after");
        const connection = schema.getType(field.type.toString().replace(/!$/, ""));
        expect(isObjectType(connection) && Object.keys(connection.getFields())).toEqual(
          expect.arrayContaining(["edges", "pageInfo"]),
        );
      }
    }
  });
});
