/**
 * A module's share of erasing a person: every module here that keeps personal data provides one,
 * and `ContactsService.eraseUser` runs them all. Erasing must be idempotent.
 */
export interface PersonalDataEraser {
  readonly module: string;
  eraseUser(userId: string): Promise<void>;
}
