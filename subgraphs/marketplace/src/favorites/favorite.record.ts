/** A person's favorite vendor: one per person and vendor. */
export interface FavoriteRecord {
  userId: string;
  vendorId: string;
  /** When it was favorited; favoriting again keeps the first time. */
  createdAt: Date;
}

/** How many people have a vendor among their favorites: a counter moved with every change. */
export interface FavoriteCountRecord {
  vendorId: string;
  count: number;
}

/** Position in a person's favorites, most recent first: (createdAt, vendorId) descending. */
export interface FavoriteListKey {
  createdAt: Date;
  vendorId: string;
}
