/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A position on Earth in WGS84 degrees. */
export type GeoPointInput = {
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lng: number;
};

/** Narrows a proximity search; all given conditions must hold. */
export type NearbyVendorsFilter = {
  /** Vendors serving at least one of these cuisines. */
  cuisines?: Array<string> | null | undefined;
  /** When true, only vendors whose position is live (see `VendorLocation.isLive`). */
  liveOnly?: boolean | null | undefined;
  /** When true, only vendors serving right now. */
  openNow?: boolean | null | undefined;
};

/** What a partner API key unlocks, beyond the public data everyone can read. */
export type PartnerScope =
  /** Introspect the schema where anonymous introspection is off (production). */
  | 'INTROSPECT'
  /** Send any query (within limits), not only the first-party apps' trusted documents. */
  | 'READ'
  /** Open live subscriptions. */
  | 'SUBSCRIBE';

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

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, vendors: { edges: Array<{ node: { id: string, name: string, status: VendorStatus } }> } } | null };

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