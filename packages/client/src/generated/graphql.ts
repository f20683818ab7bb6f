/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A side of a conversation: the customer, or the vendor speaking through its owner account. */
export type ChatSide =
  /** The customer who started the conversation. */
  | 'CUSTOMER'
  /** The vendor, answered by the account that owns it. */
  | 'VENDOR';

/** What a check-in did. */
export type CheckInOutcome =
  /** The member already checked in at this vendor in the current 4-hour window: no points. */
  | 'ALREADY_CHECKED_IN'
  /** Points were earned. */
  | 'EARNED'
  /** The member could not have travelled here from their previous check-in in the time between: no points; an admin reviews it. */
  | 'HELD_FOR_REVIEW'
  /** The member is more than 150 m from the vendor: no points. */
  | 'TOO_FAR'
  /** The vendor is not broadcasting its position right now, so presence cannot be checked: no points. */
  | 'VENDOR_NOT_LIVE';

/** A new geofence. */
export type CreateGeofenceInput = {
  /** Where it is. */
  area: GeofenceAreaInput;
  /** VENDOR_ZONE for a vendor's zone (give `vendorId`), ALERT_ZONE for your own alert zone. */
  kind: GeofenceKind;
  /** A name for it, 1 to 80 characters. */
  name: string;
  /** Only for an ALERT_ZONE circle: the circle follows you, re-centred by each `updateMyLocation` (a “near me” zone). */
  roaming?: boolean | null | undefined;
  /** The vendor a VENDOR_ZONE belongs to and watches; its owner or an ADMIN may. Not for ALERT_ZONE. */
  vendorId?: string | number | null | undefined;
};

/** A new partner API key. */
export type CreatePartnerKeyInput = {
  /** Who the key is for (the partner, the app), 1 to 80 characters. */
  name: string;
  /** What the key unlocks: at least one scope. */
  scopes: Array<PartnerScope>;
};

/** A new account. */
export type CreateUserInput = {
  /** The name shown to other people, 1 to 60 characters. */
  displayName: string;
};

/** A new vendor profile. */
export type CreateVendorInput = {
  /** 1 to 10 cuisines; stored lower-case. */
  cuisines: Array<string>;
  /** What the vendor sells, up to 2000 characters. */
  description?: string | null | undefined;
  /** Display name, 2 to 80 characters. */
  name: string;
  /** The account that owns and manages the vendor: the caller when omitted; only an ADMIN may name another. */
  ownerId?: string | number | null | undefined;
  /** URL-safe unique name; derived from the name when omitted (with a numeric suffix if taken). */
  slug?: string | null | undefined;
  /** Initial status; CLOSED when omitted. */
  status?: VendorStatus | null | undefined;
};

/** A dietary property of a menu item, for icons and filters. */
export type DietaryTag =
  /** Made without milk products. */
  | 'DAIRY_FREE'
  /** Made without gluten. */
  | 'GLUTEN_FREE'
  /** Prepared according to Islamic law. */
  | 'HALAL'
  /** Prepared according to Jewish dietary law. */
  | 'KOSHER'
  /** Made without nuts. */
  | 'NUT_FREE'
  /** Hot: chili or other heat. */
  | 'SPICY'
  /** No animal products at all. */
  | 'VEGAN'
  /** No meat or fish. */
  | 'VEGETARIAN';

/** A position on Earth in WGS84 degrees. */
export type GeoPointInput = {
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lng: number;
};

/** The area of a geofence: exactly one of a circle and a polygon. */
export type GeofenceAreaInput = {
  /** A circle. */
  circle?: GeofenceCircleInput | null | undefined;
  /** A polygon: 3 to 100 vertices in order around its edge (closed or not: the last is joined back to the first), edges straight in latitude and longitude, not crossing each other nor the antimeridian, covering 100 m² to 7854 km² and at most 100 km across. */
  polygon?: Array<GeoPointInput> | null | undefined;
};

/** A circular area. */
export type GeofenceCircleInput = {
  /** The centre; latitude between -85 and 85. */
  center: GeoPointInput;
  /** The radius in meters, 10 to 50000. */
  radiusMeters: number;
};

/** Whose zone a geofence is, and which vendors it watches. */
export type GeofenceKind =
  /** A person's alert zone (“tell me when vendors come here”): watches every listed vendor. Managed by the person. */
  | 'ALERT_ZONE'
  /** A vendor's own zone (its usual pitch, a market): watches that vendor only. Managed by the vendor's owner. */
  | 'VENDOR_ZONE';

/** Narrows a proximity search; all given conditions must hold. */
export type NearbyVendorsFilter = {
  /** Vendors serving at least one of these cuisines; up to 20, else BAD_USER_INPUT. */
  cuisines?: Array<string> | null | undefined;
  /** When true, only vendors whose position is live (see `VendorLocation.isLive`). */
  liveOnly?: boolean | null | undefined;
  /** When true, only vendors serving right now. */
  openNow?: boolean | null | undefined;
};

/** A new request for help. */
export type OpenSupportTicketInput = {
  /** What you need: 1 to 10000 characters once trimmed. */
  body: string;
  /** What it is about, if you know. */
  category?: SupportTicketCategory | null | undefined;
  /** What it is about, in a line: 1 to 200 characters once trimmed. */
  subject: string;
};

/** What a partner API key unlocks, beyond the public data everyone can read. */
export type PartnerScope =
  /** Introspect the schema where anonymous introspection is off (production). */
  | 'INTROSPECT'
  /** Send any query (within limits), not only the first-party apps' trusted documents. */
  | 'READ'
  /** Open live subscriptions. */
  | 'SUBSCRIBE';

/** The kind of device a push token belongs to; it decides the push service used. */
export type PushPlatform =
  /** An Android app: an FCM registration token. */
  | 'ANDROID'
  /** An iPhone or iPad app: an APNs device token. */
  | 'IOS'
  /** A web app: an FCM registration token. */
  | 'WEB';

/** Where a review stands. Only PUBLISHED reviews are listed publicly and counted in ratings. */
export type ReviewStatus =
  /** Held by automatic moderation (see `flags`) until a moderator decides. */
  | 'PENDING'
  /** Visible to everyone and counted in the vendor's rating. */
  | 'PUBLISHED'
  /** Refused by a moderator: only its author and admins see it. */
  | 'REJECTED';

/** Narrows a vendor search; all given conditions must hold. */
export type SearchVendorsFilter = {
  /** Vendors serving at least one of these cuisines. */
  cuisines?: Array<string> | null | undefined;
  /** When true, only vendors whose position is live (reported within the live window). */
  liveOnly?: boolean | null | undefined;
  /** When true, only vendors open right now: status OPEN and, for vendors with a schedule, within their opening hours. */
  openNow?: boolean | null | undefined;
};

/** A message to send in a conversation the caller takes part in. */
export type SendMessageInput = {
  /** The app's own key for this message (1 to 100 characters): sending again with the same key stores nothing new and returns the first message. */
  clientMessageId?: string | null | undefined;
  /** The conversation to write in. */
  conversationId: string | number;
  /** What to say: 1 to 4000 characters once trimmed. */
  text: string;
};

/** A review of a vendor; sending one again for the same vendor edits it. */
export type SubmitReviewInput = {
  /** Stars, a whole number from 1 to 5. */
  rating: number;
  /** What you think, 1 to 2000 characters once trimmed. */
  text: string;
  /** The vendor reviewed. */
  vendorId: string | number;
};

/** What a support ticket is about, so it reaches the right people. */
export type SupportTicketCategory =
  /** Signing in, the profile, deleting the account. */
  | 'ACCOUNT'
  /** The app itself: something does not work as it should. */
  | 'APP'
  /** Points, rewards and tiers. */
  | 'LOYALTY'
  /** Anything else. */
  | 'OTHER'
  /** Charges, refunds and receipts. */
  | 'PAYMENTS'
  /** A vendor: its listing, its food or an experience with it. */
  | 'VENDOR';

/** Where a support ticket stands, and whose turn it is. */
export type SupportTicketState =
  /** Waiting for support; an admin owns it. */
  | 'ASSIGNED'
  /** Done; replies are no longer taken (open a new ticket). */
  | 'CLOSED'
  /** Waiting for support; nobody is assigned yet. */
  | 'OPEN'
  /** Support answered: waiting for the person who opened it. */
  | 'PENDING';

/** Changes to contact details: omitted fields stay as they are; null (or an empty string) clears. */
export type UpdateContactDetailsInput = {
  /** An e-mail address; stored lower-case. */
  email?: string | null | undefined;
  /** A phone number in international form (+15125550100); spaces and dashes are ignored. */
  phone?: string | null | undefined;
};

/** Changes to a vendor profile; omitted fields stay as they are. */
export type UpdateVendorInput = {
  /** New cuisines, 1 to 10. */
  cuisines?: Array<string> | null | undefined;
  /** New description; an empty string clears it. */
  description?: string | null | undefined;
  /** The vendor to change. */
  id: string | number;
  /** New display name, 2 to 80 characters. */
  name?: string | null | undefined;
  /** New URL-safe unique name. */
  slug?: string | null | undefined;
  /** Open or close the vendor. */
  status?: VendorStatus | null | undefined;
};

/** A position report from a vendor's device. */
export type UpdateVendorLocationInput = {
  /** Radius of uncertainty of the fix in meters, 0 to 10000. */
  accuracyMeters?: number | null | undefined;
  /** Direction of travel in degrees clockwise from north, 0 to below 360. */
  heading?: number | null | undefined;
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lng: number;
  /** When the device took the fix (ISO 8601); defaults to now. At most a minute ahead of the server's clock. A report older than the current position is kept in history but does not move the vendor. */
  recordedAt?: string | null | undefined;
  /** The vendor reporting its position. */
  vendorId: string | number;
};

/** Whether a vendor is serving customers right now. */
export type VendorStatus =
  /** Not serving now. */
  | 'CLOSED'
  /** Serving now. */
  | 'OPEN';

/** Where a vendor is in onboarding. Only VERIFIED vendors are shown to customers; the others only to their owner and admins. */
export type VendorVerification =
  /** Being set up by its owner; not yet submitted for review. */
  | 'DRAFT'
  /** Turned down by an admin, with a reason; the owner may edit it and submit it again. */
  | 'REJECTED'
  /** Waiting in the admins' review queue. */
  | 'SUBMITTED'
  /** Checked by an admin: listed for customers. */
  | 'VERIFIED';

/** A day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, displayName: string } };

export type CreateVendorMutationVariables = Exact<{
  input: CreateVendorInput;
}>;


export type CreateVendorMutation = { createVendor: { id: string, name: string, slug: string, cuisines: Array<string>, status: VendorStatus } };

export type UpdateVendorMutationVariables = Exact<{
  input: UpdateVendorInput;
}>;


export type UpdateVendorMutation = { updateVendor: { id: string, name: string, cuisines: Array<string>, status: VendorStatus, updatedAt: string } };

export type SubmitReviewMutationVariables = Exact<{
  input: SubmitReviewInput;
}>;


export type SubmitReviewMutation = { submitReview: { id: string, status: ReviewStatus, rating: number } };

export type AddFavoriteMutationVariables = Exact<{
  vendorId: string | number;
}>;


export type AddFavoriteMutation = { addFavorite: { id: string, isFavorite: boolean, favoritesCount: number } };

export type RemoveFavoriteMutationVariables = Exact<{
  vendorId: string | number;
}>;


export type RemoveFavoriteMutation = { removeFavorite: { id: string, isFavorite: boolean, favoritesCount: number } };

export type MyFavoritesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyFavoritesQuery = { me: { favoriteVendors: { edges: Array<{ favoritedAt: string, node: { id: string, name: string, openNow: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CheckInMutationVariables = Exact<{
  vendorId: string | number;
  lat: number;
  lng: number;
}>;


export type CheckInMutation = { checkIn: { outcome: CheckInOutcome, pointsEarned: number, balance: { points: number } | null } };

export type RedeemRewardMutationVariables = Exact<{
  rewardId: string | number;
}>;


export type RedeemRewardMutation = { redeemReward: { reward: { name: string }, balance: { points: number } } };

export type SearchVendorsQueryVariables = Exact<{
  query: string;
  near?: GeoPointInput | null | undefined;
  radiusMeters?: number | null | undefined;
  filter?: SearchVendorsFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchVendorsQuery = { searchVendors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, score: number, distanceMeters: number | null, node: { id: string, name: string, cuisines: Array<string>, openNow: boolean, rating: { average: number | null, count: number } } }> } };

export type TrendingVendorsQueryVariables = Exact<{
  near: GeoPointInput;
  radiusMeters?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type TrendingVendorsQuery = { trendingVendors: { edges: Array<{ score: number, distanceMeters: number, node: { id: string, name: string, cuisines: Array<string> } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, vendors: { edges: Array<{ node: { id: string, name: string, status: VendorStatus } }> } } | null };

export type MyDataExportQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataExportQuery = { myDataExport: { userId: string, generatedAt: string, json: string, contactDetails: { email: string | null, phone: string | null, pushDevices: Array<{ token: string, platform: PushPlatform }> }, notificationSettings: { locale: string, timeZone: string }, conversations: { totalCount: number, edges: Array<{ node: { id: string, vendor: { id: string }, messages: { edges: Array<{ node: { id: string, senderSide: ChatSide, text: string, sentAt: string } }> } } }> }, supportTickets: { totalCount: number, edges: Array<{ node: { id: string, subject: string, body: string, state: SupportTicketState } }> }, notifications: { totalCount: number, edges: Array<{ node: { id: string, title: string } }> }, alertZones: { totalCount: number, edges: Array<{ node: { id: string, name: string, roaming: boolean } }> } } };

export type DeleteMyAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteMyAccountMutation = { deleteMyAccount: { userId: string, deletedAt: string } };

export type UpdateMyContactDetailsMutationVariables = Exact<{
  input: UpdateContactDetailsInput;
}>;


export type UpdateMyContactDetailsMutation = { updateMyContactDetails: { email: string | null, phone: string | null } };

export type OpenSupportTicketMutationVariables = Exact<{
  input: OpenSupportTicketInput;
}>;


export type OpenSupportTicketMutation = { openSupportTicket: { id: string, state: SupportTicketState } };

export type StartConversationMutationVariables = Exact<{
  vendorId: string | number;
}>;


export type StartConversationMutation = { startConversation: { id: string } };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage: { id: string, text: string } };

export type CreateGeofenceMutationVariables = Exact<{
  input: CreateGeofenceInput;
}>;


export type CreateGeofenceMutation = { createGeofence: { id: string, name: string, roaming: boolean } };

export type NearbyVendorsQueryVariables = Exact<{
  near: GeoPointInput;
  radiusMeters?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: NearbyVendorsFilter | null | undefined;
}>;


export type NearbyVendorsQuery = { nearbyVendors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, distanceMeters: number, node: { id: string, name: string, cuisines: Array<string>, status: VendorStatus, location: { isLive: boolean, updatedAt: string, point: { lat: number, lng: number } } | null } }> } };

export type CreatePartnerKeyMutationVariables = Exact<{
  input: CreatePartnerKeyInput;
}>;


export type CreatePartnerKeyMutation = { createPartnerKey: { key: string, partnerKey: { id: string, name: string, prefix: string, scopes: Array<PartnerScope>, createdAt: string } } };

export type RevokePartnerKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokePartnerKeyMutation = { revokePartnerKey: { id: string, revokedAt: string | null } };

export type PartnerKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeRevoked?: boolean | null | undefined;
}>;


export type PartnerKeysQuery = { partnerKeys: { totalCount: number, edges: Array<{ node: { id: string, name: string, prefix: string, scopes: Array<PartnerScope>, lastUsedAt: string | null, revokedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateVendorLocationMutationVariables = Exact<{
  input: UpdateVendorLocationInput;
}>;


export type UpdateVendorLocationMutation = { updateVendorLocation: { updatedAt: string, isLive: boolean, point: { lat: number, lng: number } } };

export type SubmitVendorForReviewMutationVariables = Exact<{
  vendorId: string | number;
}>;


export type SubmitVendorForReviewMutation = { submitVendorForReview: { id: string, verification: VendorVerification } };

export type VendorReviewQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VendorReviewQueueQuery = { vendorReviewQueue: { totalCount: number, edges: Array<{ node: { id: string, name: string, submittedForReviewAt: string | null } }> } };

export type VerifyVendorMutationVariables = Exact<{
  vendorId: string | number;
}>;


export type VerifyVendorMutation = { verifyVendor: { id: string, verification: VendorVerification } };

export type RejectVendorMutationVariables = Exact<{
  vendorId: string | number;
  reason: string;
}>;


export type RejectVendorMutation = { rejectVendor: { id: string, verification: VendorVerification, rejectionReason: string | null } };

export type VendorPageQueryVariables = Exact<{
  id: string | number;
}>;


export type VendorPageQuery = { vendor: { id: string, name: string, description: string | null, cuisines: Array<string>, openNow: boolean, nextOpening: string | null, isFavorite: boolean, favoritesCount: number, photos: Array<{ url: string }>, location: { isLive: boolean, point: { lat: number, lng: number } } | null, schedule: { timeZone: string, weeklyHours: Array<{ weekday: Weekday, intervals: Array<{ opens: string, closes: string }> }> } | null, menu: { categories: Array<{ id: string, name: string, items: Array<{ id: string, name: string, description: string | null, priceMinor: number, currency: string, dietaryTags: Array<DietaryTag>, available: boolean, photoUrl: string | null }> }> }, rating: { average: number | null, count: number, distribution: Array<{ stars: number, count: number }> }, reviews: { edges: Array<{ node: { id: string, rating: number, text: string, helpfulCount: number, createdAt: string, reply: { text: string } | null } }> }, loyaltyProgram: { tiers: Array<{ name: string, threshold: number }>, rewards: Array<{ id: string, name: string, costPoints: number }> } | null } | null };

export type VendorQueryVariables = Exact<{
  id: string | number;
}>;


export type VendorQuery = { vendor: { id: string, name: string, slug: string, description: string | null, cuisines: Array<string>, status: VendorStatus, owner: { id: string, displayName: string }, location: { accuracyMeters: number | null, heading: number | null, isLive: boolean, updatedAt: string, point: { lat: number, lng: number } } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    displayName
  }
}
    `, {"hash":"sha256:bf180afbca1f334f9495a3bc3f8169dd8c7ff258f89384d7c61cc6497950aab9"}) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const CreateVendorDocument = new TypedDocumentString(`
    mutation CreateVendor($input: CreateVendorInput!) {
  createVendor(input: $input) {
    id
    name
    slug
    cuisines
    status
  }
}
    `, {"hash":"sha256:830350e9893de9e557e784deed3c77d7fba33619f7ba82c95cad213343f85c51"}) as unknown as TypedDocumentString<CreateVendorMutation, CreateVendorMutationVariables>;
export const UpdateVendorDocument = new TypedDocumentString(`
    mutation UpdateVendor($input: UpdateVendorInput!) {
  updateVendor(input: $input) {
    id
    name
    cuisines
    status
    updatedAt
  }
}
    `, {"hash":"sha256:eb19747a2eb190cf40f0f4af08bb66272262e459769e1e2c3d5df78204395092"}) as unknown as TypedDocumentString<UpdateVendorMutation, UpdateVendorMutationVariables>;
export const SubmitReviewDocument = new TypedDocumentString(`
    mutation SubmitReview($input: SubmitReviewInput!) {
  submitReview(input: $input) {
    id
    status
    rating
  }
}
    `, {"hash":"sha256:c7b632965065068a0777d859d8220b8ff3a8ebb97c5127b91a0d8c480d30a3ad"}) as unknown as TypedDocumentString<SubmitReviewMutation, SubmitReviewMutationVariables>;
export const AddFavoriteDocument = new TypedDocumentString(`
    mutation AddFavorite($vendorId: ID!) {
  addFavorite(vendorId: $vendorId) {
    id
    isFavorite
    favoritesCount
  }
}
    `, {"hash":"sha256:d8aed4f742026b47b22f9951b327783b3959b51e87832ac6ffe94dd595315339"}) as unknown as TypedDocumentString<AddFavoriteMutation, AddFavoriteMutationVariables>;
export const RemoveFavoriteDocument = new TypedDocumentString(`
    mutation RemoveFavorite($vendorId: ID!) {
  removeFavorite(vendorId: $vendorId) {
    id
    isFavorite
    favoritesCount
  }
}
    `, {"hash":"sha256:78d3ed85ea4775c3d27cfba7f31c9138543fd7c138e8fc421d6779076629e99e"}) as unknown as TypedDocumentString<RemoveFavoriteMutation, RemoveFavoriteMutationVariables>;
export const MyFavoritesDocument = new TypedDocumentString(`
    query MyFavorites($first: Int, $after: String) {
  me {
    favoriteVendors(first: $first, after: $after) {
      edges {
        favoritedAt
        node {
          id
          name
          openNow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:60772e03d738dceaa1af96bf72400673dbd8406f56416936e5b5e6fb79c24a9f"}) as unknown as TypedDocumentString<MyFavoritesQuery, MyFavoritesQueryVariables>;
export const CheckInDocument = new TypedDocumentString(`
    mutation CheckIn($vendorId: ID!, $lat: Float!, $lng: Float!) {
  checkIn(vendorId: $vendorId, lat: $lat, lng: $lng) {
    outcome
    pointsEarned
    balance {
      points
    }
  }
}
    `, {"hash":"sha256:b0730014827ba60de25a23deca3dd2f8c947b96674acf239d3cb780a8af228b3"}) as unknown as TypedDocumentString<CheckInMutation, CheckInMutationVariables>;
export const RedeemRewardDocument = new TypedDocumentString(`
    mutation RedeemReward($rewardId: ID!) {
  redeemReward(rewardId: $rewardId) {
    reward {
      name
    }
    balance {
      points
    }
  }
}
    `, {"hash":"sha256:5c1c001bf500379c187fe5b5b8580838cab22e342a59a2e9d5febc115f0824ef"}) as unknown as TypedDocumentString<RedeemRewardMutation, RedeemRewardMutationVariables>;
export const SearchVendorsDocument = new TypedDocumentString(`
    query SearchVendors($query: String!, $near: GeoPointInput, $radiusMeters: Float, $filter: SearchVendorsFilter, $first: Int, $after: String) {
  searchVendors(
    query: $query
    near: $near
    radiusMeters: $radiusMeters
    filter: $filter
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      score
      distanceMeters
      node {
        id
        name
        cuisines
        openNow
        rating {
          average
          count
        }
      }
    }
  }
}
    `, {"hash":"sha256:91dfd44b897e93643d0542e2d6b48b859ad103a198f6ab7e323d3d183c963d6e"}) as unknown as TypedDocumentString<SearchVendorsQuery, SearchVendorsQueryVariables>;
export const TrendingVendorsDocument = new TypedDocumentString(`
    query TrendingVendors($near: GeoPointInput!, $radiusMeters: Float, $first: Int) {
  trendingVendors(near: $near, radiusMeters: $radiusMeters, first: $first) {
    edges {
      score
      distanceMeters
      node {
        id
        name
        cuisines
      }
    }
  }
}
    `, {"hash":"sha256:f47973bc66098349ee2bc76a5e857dbd5edc1086867faf0179abde5f030e16ab"}) as unknown as TypedDocumentString<TrendingVendorsQuery, TrendingVendorsQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    displayName
    vendors(first: 20) {
      edges {
        node {
          id
          name
          status
        }
      }
    }
  }
}
    `, {"hash":"sha256:bbaa9681a7fca9594ef59bc81d1fddfa7fa0e612a474c11439bddf51f2a6813b"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyDataExportDocument = new TypedDocumentString(`
    query MyDataExport {
  myDataExport {
    userId
    generatedAt
    json
    contactDetails {
      email
      phone
      pushDevices {
        token
        platform
      }
    }
    notificationSettings {
      locale
      timeZone
    }
    conversations(first: 10) {
      totalCount
      edges {
        node {
          id
          vendor {
            id
          }
          messages(last: 20) {
            edges {
              node {
                id
                senderSide
                text
                sentAt
              }
            }
          }
        }
      }
    }
    supportTickets(first: 50) {
      totalCount
      edges {
        node {
          id
          subject
          body
          state
        }
      }
    }
    notifications(first: 50) {
      totalCount
      edges {
        node {
          id
          title
        }
      }
    }
    alertZones(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          roaming
        }
      }
    }
  }
}
    `, {"hash":"sha256:0acb4498eda2a53949dc064751186343d2ada0c1734de5e6f28a81a708180127"}) as unknown as TypedDocumentString<MyDataExportQuery, MyDataExportQueryVariables>;
export const DeleteMyAccountDocument = new TypedDocumentString(`
    mutation DeleteMyAccount {
  deleteMyAccount(confirm: true) {
    userId
    deletedAt
  }
}
    `, {"hash":"sha256:62253f59214aca0933f99e81a0eed3199d4bf87e5d55aa82bfd9dba75d96155d"}) as unknown as TypedDocumentString<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const UpdateMyContactDetailsDocument = new TypedDocumentString(`
    mutation UpdateMyContactDetails($input: UpdateContactDetailsInput!) {
  updateMyContactDetails(input: $input) {
    email
    phone
  }
}
    `, {"hash":"sha256:888d0c1d05cea378ef206b6038739a317a04bb38ac95a3f06ebce2ae970aeeb5"}) as unknown as TypedDocumentString<UpdateMyContactDetailsMutation, UpdateMyContactDetailsMutationVariables>;
export const OpenSupportTicketDocument = new TypedDocumentString(`
    mutation OpenSupportTicket($input: OpenSupportTicketInput!) {
  openSupportTicket(input: $input) {
    id
    state
  }
}
    `, {"hash":"sha256:b1e6130cd6a2074efcced4424d096a7198499d22d6369567f26e91b379024d3d"}) as unknown as TypedDocumentString<OpenSupportTicketMutation, OpenSupportTicketMutationVariables>;
export const StartConversationDocument = new TypedDocumentString(`
    mutation StartConversation($vendorId: ID!) {
  startConversation(vendorId: $vendorId) {
    id
  }
}
    `, {"hash":"sha256:9d4b268d3340e95335a2e02a5e1c1ee6c8f6ab98c9bbddd27d3cdc9f51d943fe"}) as unknown as TypedDocumentString<StartConversationMutation, StartConversationMutationVariables>;
export const SendMessageDocument = new TypedDocumentString(`
    mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    id
    text
  }
}
    `, {"hash":"sha256:1405fa46f9d00a53b8d437fce4747244c856c9f165336265c55f70c0fe4061ba"}) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
export const CreateGeofenceDocument = new TypedDocumentString(`
    mutation CreateGeofence($input: CreateGeofenceInput!) {
  createGeofence(input: $input) {
    id
    name
    roaming
  }
}
    `, {"hash":"sha256:282d0120fe68729e6e14b4f7a4c75d9548715f1b8e89d344fe73a15ed5d089a2"}) as unknown as TypedDocumentString<CreateGeofenceMutation, CreateGeofenceMutationVariables>;
export const NearbyVendorsDocument = new TypedDocumentString(`
    query NearbyVendors($near: GeoPointInput!, $radiusMeters: Float, $first: Int, $after: String, $filter: NearbyVendorsFilter) {
  nearbyVendors(
    near: $near
    radiusMeters: $radiusMeters
    first: $first
    after: $after
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      distanceMeters
      node {
        id
        name
        cuisines
        status
        location {
          point {
            lat
            lng
          }
          isLive
          updatedAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:8cc4264d8bf0d3e1715013bd172a3cc7a0ab3c8797b2029d64c504e22738afe4"}) as unknown as TypedDocumentString<NearbyVendorsQuery, NearbyVendorsQueryVariables>;
export const CreatePartnerKeyDocument = new TypedDocumentString(`
    mutation CreatePartnerKey($input: CreatePartnerKeyInput!) {
  createPartnerKey(input: $input) {
    key
    partnerKey {
      id
      name
      prefix
      scopes
      createdAt
    }
  }
}
    `, {"hash":"sha256:9be68ad936ec0e807d91f789a4f7d1919dfbddd9f9e9bde1f2bb8b1524fdd2bd"}) as unknown as TypedDocumentString<CreatePartnerKeyMutation, CreatePartnerKeyMutationVariables>;
export const RevokePartnerKeyDocument = new TypedDocumentString(`
    mutation RevokePartnerKey($id: ID!) {
  revokePartnerKey(id: $id) {
    id
    revokedAt
  }
}
    `, {"hash":"sha256:58bc91aa6e5f93ffa8d05cc477f75a78abf18a0d83c781e6c752e03732cad843"}) as unknown as TypedDocumentString<RevokePartnerKeyMutation, RevokePartnerKeyMutationVariables>;
export const PartnerKeysDocument = new TypedDocumentString(`
    query PartnerKeys($first: Int, $after: String, $includeRevoked: Boolean) {
  partnerKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {
    totalCount
    edges {
      node {
        id
        name
        prefix
        scopes
        lastUsedAt
        revokedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:8bb44a368a24a2c10b1d0d80e348cd872b050b2a266f9630471b9d81a8b3d5c2"}) as unknown as TypedDocumentString<PartnerKeysQuery, PartnerKeysQueryVariables>;
export const UpdateVendorLocationDocument = new TypedDocumentString(`
    mutation UpdateVendorLocation($input: UpdateVendorLocationInput!) {
  updateVendorLocation(input: $input) {
    point {
      lat
      lng
    }
    updatedAt
    isLive
  }
}
    `, {"hash":"sha256:89ff658a6b3e82e3754a547842e02304f351907e26b629f3cf9888c93edb3fb2"}) as unknown as TypedDocumentString<UpdateVendorLocationMutation, UpdateVendorLocationMutationVariables>;
export const SubmitVendorForReviewDocument = new TypedDocumentString(`
    mutation SubmitVendorForReview($vendorId: ID!) {
  submitVendorForReview(vendorId: $vendorId) {
    id
    verification
  }
}
    `, {"hash":"sha256:31afdd3f1523d6f57a6e9e73f1135fafac375ad35ef2f279e0572b20c3e436f5"}) as unknown as TypedDocumentString<SubmitVendorForReviewMutation, SubmitVendorForReviewMutationVariables>;
export const VendorReviewQueueDocument = new TypedDocumentString(`
    query VendorReviewQueue($first: Int, $after: String) {
  vendorReviewQueue(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        name
        submittedForReviewAt
      }
    }
  }
}
    `, {"hash":"sha256:b77bd7b33784ecc15999cc7fe46b0706be483f8fb22fcd5d584b51d42d14dda3"}) as unknown as TypedDocumentString<VendorReviewQueueQuery, VendorReviewQueueQueryVariables>;
export const VerifyVendorDocument = new TypedDocumentString(`
    mutation VerifyVendor($vendorId: ID!) {
  verifyVendor(vendorId: $vendorId) {
    id
    verification
  }
}
    `, {"hash":"sha256:483fa3bdd9e2cf3c6e940a8dbff6045efd084884cf5767cb0a23342a937798cc"}) as unknown as TypedDocumentString<VerifyVendorMutation, VerifyVendorMutationVariables>;
export const RejectVendorDocument = new TypedDocumentString(`
    mutation RejectVendor($vendorId: ID!, $reason: String!) {
  rejectVendor(vendorId: $vendorId, reason: $reason) {
    id
    verification
    rejectionReason
  }
}
    `, {"hash":"sha256:02ef4f9abf0c678b7b6c4ad30cc46c0e70e92f4289ef045d991e210348fb09ce"}) as unknown as TypedDocumentString<RejectVendorMutation, RejectVendorMutationVariables>;
export const VendorPageDocument = new TypedDocumentString(`
    query VendorPage($id: ID!) {
  vendor(id: $id) {
    id
    name
    description
    cuisines
    openNow
    nextOpening
    isFavorite
    favoritesCount
    photos {
      url
    }
    location {
      point {
        lat
        lng
      }
      isLive
    }
    schedule {
      timeZone
      weeklyHours {
        weekday
        intervals {
          opens
          closes
        }
      }
    }
    menu {
      categories {
        id
        name
        items {
          id
          name
          description
          priceMinor
          currency
          dietaryTags
          available
          photoUrl
        }
      }
    }
    rating {
      average
      count
      distribution {
        stars
        count
      }
    }
    reviews(first: 10) {
      edges {
        node {
          id
          rating
          text
          helpfulCount
          createdAt
          reply {
            text
          }
        }
      }
    }
    loyaltyProgram {
      tiers {
        name
        threshold
      }
      rewards {
        id
        name
        costPoints
      }
    }
  }
}
    `, {"hash":"sha256:3f9308285866f75c15065ceb0513f0ea8753a488b077e6fc74c996c064d9cc5e"}) as unknown as TypedDocumentString<VendorPageQuery, VendorPageQueryVariables>;
export const VendorDocument = new TypedDocumentString(`
    query Vendor($id: ID!) {
  vendor(id: $id) {
    id
    name
    slug
    description
    cuisines
    status
    owner {
      id
      displayName
    }
    location {
      point {
        lat
        lng
      }
      accuracyMeters
      heading
      isLive
      updatedAt
    }
  }
}
    `, {"hash":"sha256:4ceae83ec4900eb4fd0f0d7b00e5ffd6641ec4f0d9ed01370e9affca075fd2d4"}) as unknown as TypedDocumentString<VendorQuery, VendorQueryVariables>;