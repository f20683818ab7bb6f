import { randomUUID } from "node:crypto";
import type { EventBus } from "@venta/events";
import { badUserInput, conflict } from "@venta/kit";
import type { UserRecord } from "./user.record.js";
import type { UsersStore } from "./users.store.js";

export interface CreateUserOptions {
  id?: string;
  now?: Date;
}

/** Account rules: what a valid account is, and the event that announces a new one. */
export class UsersService {
  constructor(
    private readonly users: UsersStore,
    private readonly bus: EventBus,
  ) {}

  async register(displayName: string, options: CreateUserOptions = {}): Promise<UserRecord> {
    const name = displayName.trim().replace(/\s+/g, " ");
    if (name.length < 1 || name.length > 60)
      throw badUserInput("displayName must be 1 to 60 characters", "displayName");
    const user: UserRecord = {
      id: options.id ?? randomUUID(),
      displayName: name,
      createdAt: options.now ?? new Date(),
    };
    if (!(await this.users.insert(user))) throw conflict("this account already exists");
    await this.bus.publish("marketplace.user_registered", {
      userId: user.id,
      displayName: user.displayName,
      registeredAt: user.createdAt.toISOString(),
    });
    return user;
  }
}
