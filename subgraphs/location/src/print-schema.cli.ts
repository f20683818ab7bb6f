import { printSubgraphSdl } from "@venta/kit";
import { buildLocationSchema } from "./schema.js";

// `npm run compose` writes it to schema/location.graphql (the print-schema script); without a file, to stdout.
await printSubgraphSdl(buildLocationSchema, process.argv[2]);
