/** A person with an account: customer, vendor owner, or both. */
export interface UserRecord {
  id: string;
  displayName: string;
  createdAt: Date;
}
