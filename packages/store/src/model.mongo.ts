import type { Connection, Model, Schema } from "mongoose";

/**
 * The model `name` on `connection`, registered on first use. Stores of one connection are built
 * more than once in tests and tools, and mongoose refuses to register a name twice.
 */
export function registerModel<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  const existing: Model<T> | undefined = connection.models[name];
  return existing ?? connection.model<T>(name, schema);
}
