import { postGraphQL } from "@venta/testing";
import type { HeadersFor } from "./bench-auth.js";

const MOVE = `mutation Move($input: UpdateVendorLocationInput!) {
  updateVendorLocation(input: $input) { updatedAt }
}`;
const MOVE_MANY = `mutation MoveMany($inputs: [UpdateVendorLocationInput!]!) {
  updateVendorLocations(inputs: $inputs) { updatedAt }
}`;

/** One vendor's position report as the live figures send it, stamped with the moment it leaves. */
export interface PositionReport {
  vendorId: string;
  lat: number;
  lng: number;
  accuracyMeters: number;
  recordedAt: string;
}

/**
 * Posts one request's reports: a lone report as `updateVendorLocation`, as a vendor's own device
 * sends it; several as one `updateVendorLocations`, as a fleet gateway sends them (the batch is
 * accepted or refused whole). Says why when the request was not accepted, undefined when it was.
 */
export async function postReports(
  url: string,
  headers: HeadersFor,
  reports: readonly PositionReport[],
): Promise<string | undefined> {
  try {
    const answer =
      reports.length === 1
        ? await postGraphQL(url, MOVE, { input: reports[0] }, headers())
        : await postGraphQL(url, MOVE_MANY, { inputs: reports }, headers());
    if (answer.status === 200 && !answer.errors) return undefined;
    return `${answer.status} ${JSON.stringify(answer.errors)}`;
  } catch (error) {
    return String(error);
  }
}
