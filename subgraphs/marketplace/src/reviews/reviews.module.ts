import type { MarketplaceModule } from "../module.js";
import { type ReviewLoaders, reviewLoaders } from "./review.loader.js";
import { reviewsMigrations } from "./reviews.migrations.js";
import { ReviewsPersonalData } from "./reviews.personal-data.js";
import { ReviewsResolver } from "./reviews.resolver.js";
import { ReviewsService } from "./reviews.service.js";
import type { ReviewsStore } from "./reviews.store.js";
import { MongoReviewsStore } from "./reviews.store.mongo.js";
import { SqliteReviewsStore } from "./reviews.store.sqlite.js";
import { VendorReviewsResolver } from "./vendor.reviews.resolver.js";

declare module "../module.js" {
  interface MarketplaceStores {
    reviews: ReviewsStore;
  }
  interface MarketplaceServices {
    reviewsStore: ReviewsStore;
    reviews: ReviewsService;
  }
  interface MarketplaceLoaders extends ReviewLoaders {}
}

export const reviewsModule: MarketplaceModule = {
  name: "reviews",
  migrations: reviewsMigrations,
  stores: {
    sqlite: ({ db, outbox }) => ({ reviews: new SqliteReviewsStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ reviews: new MongoReviewsStore(connection, outbox) }),
  },
  services: (stores) => ({
    reviewsStore: stores.reviews,
    reviews: new ReviewsService(stores.reviews, stores.vendors, stores.users),
  }),
  loaders: reviewLoaders,
  resolvers: [ReviewsResolver, VendorReviewsResolver],
  personalData: (stores) => {
    const reviews = new ReviewsPersonalData(stores.reviews);
    return { eraser: reviews, exporter: reviews };
  },
};
