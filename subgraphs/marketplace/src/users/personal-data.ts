/**
 * GDPR: every module that keeps data about a person implements these and hands them over from the
 * `personalData` hook of its `*.module.ts` (gathered by `personalDataRegistry`, src/services.ts), so
 * `deleteMyAccount` and `myDataExport` cover the whole marketplace without the users module knowing
 * the others.
 */

/** Removes or anonymises what a module holds about a person. Must be idempotent: deletion is retried. */
export interface PersonalDataEraser {
  /** The module's name, for logs and errors. */
  readonly module: string;
  eraseUser(userId: string): Promise<void>;
}

/** Hands over what a module holds about a person, as plain JSON-serialisable data. */
export interface PersonalDataExporter {
  /** The module's name: the key of its section in the export. */
  readonly module: string;
  /** Only this person's data: never another person's, even where they interacted. */
  exportUser(userId: string): Promise<unknown>;
}

/**
 * The modules that hold personal data. Erasers run in order and the users module's comes last: until
 * it runs the account still looks live, so a failed deletion can simply be retried.
 */
export interface PersonalDataRegistry {
  erasers: readonly PersonalDataEraser[];
  exporters: readonly PersonalDataExporter[];
}
