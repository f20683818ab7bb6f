import type { UserRecord } from "./user.record.js";

/** Where user accounts live. Each adapter must pass `users.store.contract.ts`. */
export interface UsersStore {
  /** False, writing nothing, when an account with this id already exists. */
  insert(user: UserRecord): Promise<boolean>;
  findById(id: string): Promise<UserRecord | null>;
  /** One round trip, whatever the number of ids; unknown ids are simply absent. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
}
