/** The `type` of a Stripe error: the SDK picks its error class from the HTTP status and this. */
export type ApiErrorType = "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";

/** The body of every refusal, as Stripe writes it: `{ error: { type, code, message, … } }`. */
export interface ApiErrorBody {
  type: ApiErrorType;
  message: string;
  /** Absent where Stripe sends none (an unknown URL, a missing API key). */
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  charge?: string;
  /** A card error carries the PaymentIntent (and its payment method) as they are after the decline. */
  payment_intent?: object;
  payment_method?: object;
}

/** A refusal in Stripe's shape; thrown anywhere in a handler, answered by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
}

/** A 400 `invalid_request_error`, with Stripe's `doc_url` when there is a code. */
export function invalidRequest(message: string, details: { code?: string; param?: string } = {}): ApiError {
  return new ApiError(400, {
    type: "invalid_request_error",
    message,
    ...(details.code ? { code: details.code, doc_url: docUrl(details.code) } : {}),
    ...(details.param ? { param: details.param } : {}),
  });
}

/**
 * What Stripe answers for an id it does not know: 404 when the id is in the path (a retrieve), 400
 * when it is a parameter of another call (`transfer_data[destination]`, `starting_after`).
 */
export function noSuchObject(kind: string, id: string, param?: string): ApiError {
  return new ApiError(param ? 400 : 404, {
    type: "invalid_request_error",
    code: "resource_missing",
    doc_url: docUrl("resource_missing"),
    message: `No such ${kind}: '${id}'`,
    ...(param ? { param } : {}),
  });
}

export function missingParam(param: string): ApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });
}

export function unknownParam(param: string): ApiError {
  // Also what a real Stripe parameter that the sandbox does not implement gets: refused, never ignored.
  return invalidRequest(`Received unknown parameter: ${param}`, { code: "parameter_unknown", param });
}

/** A call that the object's current state does not allow (confirming a succeeded PaymentIntent…). */
export function unexpectedState(code: string, message: string, extra: Partial<ApiErrorBody> = {}): ApiError {
  return new ApiError(400, { type: "invalid_request_error", code, doc_url: docUrl(code), message, ...extra });
}

/** A card decline: 402 `card_error`, which the SDK raises as `StripeCardError`. */
export function cardError(body: Omit<ApiErrorBody, "type" | "doc_url"> & { code: string }): ApiError {
  return new ApiError(402, { type: "card_error", doc_url: docUrl(body.code), ...body });
}

export function idempotencyError(message: string): ApiError {
  return new ApiError(400, { type: "idempotency_error", message });
}

export function errorResponseBody(error: ApiError): { error: ApiErrorBody } {
  return { error: error.body };
}
