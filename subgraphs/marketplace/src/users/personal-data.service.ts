import type { DeletedAccounts } from "@venta/auth";
import { badUserInput, conflict, notFound } from "@venta/kit";
import type { VendorsStore } from "../vendors/vendors.store.js";
import type { PersonalDataRegistry } from "./personal-data.js";
import type { UsersStore } from "./users.store.js";

export interface AccountDeletion {
  userId: string;
  deletedAt: Date;
}

export interface DataExport {
  userId: string;
  generatedAt: Date;
  /** `{ userId, generatedAt, modules: { <module>: <its data> } }` as a JSON string. */
  json: string;
}

/** A person's GDPR rights over the whole marketplace: erasure and access (data export). */
export class PersonalDataService {
  constructor(
    private readonly users: UsersStore,
    private readonly vendors: VendorsStore,
    /** Asked at each use: the modules' hooks are assembled after the services they may use. */
    private readonly registry: () => PersonalDataRegistry,
    private readonly deletedAccounts?: DeletedAccounts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Erases the account and everything the registered modules hold about it; the users module's
   * eraser, last, announces it with the erasure.
   * Refused while the account owns vendors: those are businesses with customers, so the owner must
   * hand them over or close them first. Deleting a deleted account runs the erasers again (they are
   * idempotent), which finishes a deletion that failed half way.
   */
  async deleteAccount(userId: string, confirm: boolean): Promise<AccountDeletion> {
    if (confirm !== true)
      throw badUserInput("set confirm to true to delete your account for good", "confirm");
    if (!(await this.users.findById(userId))) throw notFound("you have no account");
    const owned = await this.vendors.count({ ownerId: userId });
    if (owned > 0)
      throw conflict(
        `this account owns ${owned} vendor${owned === 1 ? "" : "s"}: transfer or delete them before deleting the account`,
      );
    for (const eraser of this.registry().erasers) await eraser.eraseUser(userId);
    // Before the answer leaves: the person's very next request, on any router, must be refused. If
    // this write fails the mutation fails, and deleting again (idempotent) records it.
    await this.deletedAccounts?.add(userId);
    const [profile] = await this.users.findProfiles([userId]);
    const deletedAt = profile?.deletedAt ?? this.now();
    return { userId, deletedAt };
  }

  /** Everything the registered modules hold about the person, each under its module's name. */
  async exportData(userId: string): Promise<DataExport> {
    const generatedAt = this.now();
    const modules: Record<string, unknown> = {};
    for (const exporter of this.registry().exporters)
      modules[exporter.module] = await exporter.exportUser(userId);
    return {
      userId,
      generatedAt,
      json: JSON.stringify({ userId, generatedAt: generatedAt.toISOString(), modules }),
    };
  }
}
