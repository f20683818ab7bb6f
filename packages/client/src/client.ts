import type { TypedDocumentString } from "./generated/graphql.js";

export interface VentaClientOptions {
  /** The router's GraphQL endpoint, for example `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** Sent with every request (an `Authorization` or `X-Api-Key` header, say). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export interface VentaError {
  message: string;
  path?: (string | number)[];
  /** `code` is one of BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, …; `field` names bad input. */
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** The API answered with errors; `data` holds whatever it could still resolve. */
export class VentaRequestError<TResult = unknown> extends Error {
  constructor(
    readonly errors: VentaError[],
    readonly data: TResult | null,
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
    this.name = "VentaRequestError";
  }

  /** The first error's code, for branching on the kind of failure. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** A small typed client: pass a generated document and get its result type back. */
export class VentaClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: VentaClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> {
    const response = await this.fetch(this.options.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...this.options.headers },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await response.json()) as { data?: TResult | null; errors?: VentaError[] };
    if (body.errors?.length || !body.data) {
      throw new VentaRequestError<TResult>(
        body.errors ?? [{ message: `HTTP ${response.status}` }],
        body.data ?? null,
        response.status,
      );
    }
    return body.data;
  }
}
