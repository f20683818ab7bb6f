import type { TypedDocumentString } from "./generated/graphql.js";

export interface VentaClientOptions {
  /** The router's GraphQL endpoint, for example `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** A person's token (from the identity provider, or `npm run token` in development). */
  token?: string;
  /** A partner's API key, sent as `X-Api-Key`. */
  apiKey?: string;
  /** Sent with every request as well. */
  headers?: Record<string, string>;
  /**
   * Send each operation by its hash (the trusted-document manifest), falling back to the full text
   * when the router does not know it (automatic persisted queries). On by default: first-party apps
   * must do this when the router accepts trusted documents only.
   */
  persisted?: boolean;
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
    // Variables may be left out when the operation needs none.
    ...[variables]: Record<string, never> extends TVariables ? [TVariables?] : [TVariables]
  ): Promise<TResult> {
    const hash = (document.__meta__?.hash as string | undefined)?.replace(/^sha256:/, "");
    const persistedQuery = hash ? { version: 1, sha256Hash: hash } : undefined;
    let { response, body } = await this.send<TResult>(
      this.options.persisted !== false && persistedQuery
        ? { variables, extensions: { persistedQuery } }
        : { query: document.toString(), variables },
    );
    if (body.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND") {
      // The manifest's hash is of the normalised text, so the full text goes without it.
      ({ response, body } = await this.send<TResult>({ query: document.toString(), variables }));
    }
    if (body.errors?.length || !body.data) {
      throw new VentaRequestError<TResult>(
        body.errors ?? [{ message: `HTTP ${response.status}` }],
        body.data ?? null,
        response.status,
      );
    }
    return body.data;
  }

  private async send<TResult>(payload: Record<string, unknown>) {
    const { token, apiKey, headers } = this.options;
    const response = await this.fetch(this.options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(apiKey ? { "x-api-key": apiKey } : {}),
        ...headers,
      },
      body: JSON.stringify(payload),
    });
    const body = (await response.json()) as { data?: TResult | null; errors?: VentaError[] };
    return { response, body };
  }
}
