import { printSubgraphSdl } from "@venta/kit";
import { buildMarketplaceSchema } from "./schema.js";

// `npm run compose` writes it to schema/marketplace.graphql (the print-schema script); without a file, to stdout.
await printSubgraphSdl(buildMarketplaceSchema, process.argv[2]);
