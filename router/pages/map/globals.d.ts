// Leaflet and graphql-ws are loaded by <script> tags from the router's own copies of their npm builds.
declare const L: typeof import("leaflet");
declare const graphqlWs: typeof import("graphql-ws");
