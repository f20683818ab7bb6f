/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n    displayName\n  }\n}\n\nmutation CreateVendor($input: CreateVendorInput!) {\n  createVendor(input: $input) {\n    id\n    name\n    slug\n    cuisines\n    status\n  }\n}\n\nmutation UpdateVendor($input: UpdateVendorInput!) {\n  updateVendor(input: $input) {\n    id\n    name\n    cuisines\n    status\n    updatedAt\n  }\n}": typeof types.CreateUserDocument,
    "query Me {\n  me {\n    id\n    displayName\n    vendors(first: 20) {\n      edges {\n        node {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n}": typeof types.MeDocument,
    "query NearbyVendors($near: GeoPointInput!, $radiusMeters: Float, $first: Int, $after: String, $filter: NearbyVendorsFilter) {\n  nearbyVendors(\n    near: $near\n    radiusMeters: $radiusMeters\n    first: $first\n    after: $after\n    filter: $filter\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      distanceMeters\n      node {\n        id\n        name\n        cuisines\n        status\n        location {\n          point {\n            lat\n            lng\n          }\n          isLive\n          updatedAt\n        }\n      }\n    }\n  }\n}": typeof types.NearbyVendorsDocument,
    "mutation CreatePartnerKey($input: CreatePartnerKeyInput!) {\n  createPartnerKey(input: $input) {\n    key\n    partnerKey {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n    }\n  }\n}\n\nmutation RevokePartnerKey($id: ID!) {\n  revokePartnerKey(id: $id) {\n    id\n    revokedAt\n  }\n}\n\nquery PartnerKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n  partnerKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        prefix\n        scopes\n        lastUsedAt\n        revokedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.CreatePartnerKeyDocument,
    "mutation UpdateVendorLocation($input: UpdateVendorLocationInput!) {\n  updateVendorLocation(input: $input) {\n    point {\n      lat\n      lng\n    }\n    updatedAt\n    isLive\n  }\n}": typeof types.UpdateVendorLocationDocument,
    "query Vendor($id: ID!) {\n  vendor(id: $id) {\n    id\n    name\n    slug\n    description\n    cuisines\n    status\n    owner {\n      id\n      displayName\n    }\n    location {\n      point {\n        lat\n        lng\n      }\n      accuracyMeters\n      heading\n      isLive\n      updatedAt\n    }\n  }\n}": typeof types.VendorDocument,
};
const documents: Documents = {
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n    displayName\n  }\n}\n\nmutation CreateVendor($input: CreateVendorInput!) {\n  createVendor(input: $input) {\n    id\n    name\n    slug\n    cuisines\n    status\n  }\n}\n\nmutation UpdateVendor($input: UpdateVendorInput!) {\n  updateVendor(input: $input) {\n    id\n    name\n    cuisines\n    status\n    updatedAt\n  }\n}": types.CreateUserDocument,
    "query Me {\n  me {\n    id\n    displayName\n    vendors(first: 20) {\n      edges {\n        node {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n}": types.MeDocument,
    "query NearbyVendors($near: GeoPointInput!, $radiusMeters: Float, $first: Int, $after: String, $filter: NearbyVendorsFilter) {\n  nearbyVendors(\n    near: $near\n    radiusMeters: $radiusMeters\n    first: $first\n    after: $after\n    filter: $filter\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      distanceMeters\n      node {\n        id\n        name\n        cuisines\n        status\n        location {\n          point {\n            lat\n            lng\n          }\n          isLive\n          updatedAt\n        }\n      }\n    }\n  }\n}": types.NearbyVendorsDocument,
    "mutation CreatePartnerKey($input: CreatePartnerKeyInput!) {\n  createPartnerKey(input: $input) {\n    key\n    partnerKey {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n    }\n  }\n}\n\nmutation RevokePartnerKey($id: ID!) {\n  revokePartnerKey(id: $id) {\n    id\n    revokedAt\n  }\n}\n\nquery PartnerKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n  partnerKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        prefix\n        scopes\n        lastUsedAt\n        revokedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.CreatePartnerKeyDocument,
    "mutation UpdateVendorLocation($input: UpdateVendorLocationInput!) {\n  updateVendorLocation(input: $input) {\n    point {\n      lat\n      lng\n    }\n    updatedAt\n    isLive\n  }\n}": types.UpdateVendorLocationDocument,
    "query Vendor($id: ID!) {\n  vendor(id: $id) {\n    id\n    name\n    slug\n    description\n    cuisines\n    status\n    owner {\n      id\n      displayName\n    }\n    location {\n      point {\n        lat\n        lng\n      }\n      accuracyMeters\n      heading\n      isLive\n      updatedAt\n    }\n  }\n}": types.VendorDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n    displayName\n  }\n}\n\nmutation CreateVendor($input: CreateVendorInput!) {\n  createVendor(input: $input) {\n    id\n    name\n    slug\n    cuisines\n    status\n  }\n}\n\nmutation UpdateVendor($input: UpdateVendorInput!) {\n  updateVendor(input: $input) {\n    id\n    name\n    cuisines\n    status\n    updatedAt\n  }\n}"): typeof import('./graphql.js').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    displayName\n    vendors(first: 20) {\n      edges {\n        node {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NearbyVendors($near: GeoPointInput!, $radiusMeters: Float, $first: Int, $after: String, $filter: NearbyVendorsFilter) {\n  nearbyVendors(\n    near: $near\n    radiusMeters: $radiusMeters\n    first: $first\n    after: $after\n    filter: $filter\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      distanceMeters\n      node {\n        id\n        name\n        cuisines\n        status\n        location {\n          point {\n            lat\n            lng\n          }\n          isLive\n          updatedAt\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').NearbyVendorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePartnerKey($input: CreatePartnerKeyInput!) {\n  createPartnerKey(input: $input) {\n    key\n    partnerKey {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n    }\n  }\n}\n\nmutation RevokePartnerKey($id: ID!) {\n  revokePartnerKey(id: $id) {\n    id\n    revokedAt\n  }\n}\n\nquery PartnerKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n  partnerKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        prefix\n        scopes\n        lastUsedAt\n        revokedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').CreatePartnerKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateVendorLocation($input: UpdateVendorLocationInput!) {\n  updateVendorLocation(input: $input) {\n    point {\n      lat\n      lng\n    }\n    updatedAt\n    isLive\n  }\n}"): typeof import('./graphql.js').UpdateVendorLocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Vendor($id: ID!) {\n  vendor(id: $id) {\n    id\n    name\n    slug\n    description\n    cuisines\n    status\n    owner {\n      id\n      displayName\n    }\n    location {\n      point {\n        lat\n        lng\n      }\n      accuracyMeters\n      heading\n      isLive\n      updatedAt\n    }\n  }\n}"): typeof import('./graphql.js').VendorDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
