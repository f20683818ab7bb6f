import { printSubgraphSdl } from "@venta/kit";
import { buildCommunicationSchema } from "./schema.js";

// `npm run compose` writes it to schema/communication.graphql (the print-schema script); without a file, to stdout.
await printSubgraphSdl(buildCommunicationSchema, process.argv[2]);
