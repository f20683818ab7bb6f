/**
 * The schema explorer at `/explorer`: GraphiQL over the router's own `/graphql`, bundled from npm
 * (pages/build-explorer.mjs) so partners need no CDN. A bar above the editor holds the partner API
 * key and a bearer token; both go with every request, the schema introspection included, and in
 * `connection_init` for subscriptions.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createClient } from "graphql-ws";
import { type ChangeEvent, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";

const STORAGE = { apiKey: "venta:explorer:apiKey", token: "venta:explorer:bearerToken" } as const;
/** Typing a key shouldn't refetch the schema on every keystroke. */
const APPLY_AFTER_MS = 300;

const DEFAULT_QUERY = `# Venta's supergraph. The Docs pane (book icon, top left) describes every type and field.
# Paste your partner API key in the bar above, then run with the ▶ button or Ctrl-Enter.

# Who is selling within 1 km of downtown Austin, nearest first:
query NearbyVendors {
  nearbyVendors(near: { lat: 30.2672, lng: -97.7431 }, radiusMeters: 1000, first: 5) {
    totalCount
    edges {
      distanceMeters
      node {
        id
        name
        cuisines
        location {
          point { lat lng }
          isLive
          updatedAt
        }
      }
    }
  }
}
`;

interface Credentials {
  apiKey: string;
  token: string;
}

function remembered(key: string): string {
  try {
    return localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function remember(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Storage may be off (private windows); the values then last as long as the page.
  }
}

/** "Bearer abc", "bearer abc" and "abc" all mean the token abc. */
const bearer = (token: string): string => token.trim().replace(/^bearer\s+/i, "");

function useFetcher({ apiKey, token }: Credentials) {
  const fetcher = useMemo(() => {
    const headers: Record<string, string> = {};
    const connectionParams: Record<string, string> = {};
    if (apiKey.trim()) {
      headers["X-Api-Key"] = apiKey.trim();
      connectionParams.apiKey = apiKey.trim();
    }
    if (bearer(token)) {
      headers.Authorization = `Bearer ${bearer(token)}`;
      connectionParams.authorization = `Bearer ${bearer(token)}`;
    }
    const socketUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
    // One lazy socket per set of credentials: opened by the first subscription, closed with the last.
    const wsClient = createClient({ url: socketUrl, connectionParams, lazy: true });
    return {
      wsClient,
      fetch: createGraphiQLFetcher({
        url: `${location.origin}/graphql`,
        headers,
        wsClient,
        // The router answers plain JSON; no @defer/@stream over multipart.
        enableIncrementalDelivery: false,
      }),
    };
  }, [apiKey, token]);
  useEffect(() => () => void fetcher.wsClient.dispose(), [fetcher]);
  return fetcher.fetch;
}

function Explorer() {
  const [typed, setTyped] = useState<Credentials>(() => ({
    apiKey: remembered(STORAGE.apiKey),
    token: remembered(STORAGE.token),
  }));
  const [applied, setApplied] = useState<Credentials>(typed);

  useEffect(() => {
    remember(STORAGE.apiKey, typed.apiKey);
    remember(STORAGE.token, typed.token);
    const timer = setTimeout(() => setApplied(typed), APPLY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const fetcher = useFetcher(applied);
  const onChange = (field: keyof Credentials) => (event: ChangeEvent<HTMLInputElement>) => {
    const { value } = event.target;
    setTyped((current) => ({ ...current, [field]: value }));
  };

  return (
    <>
      <form className="credentials" autoComplete="off" onSubmit={(event) => event.preventDefault()}>
        <strong>Venta schema explorer</strong>
        <label htmlFor="partner-key">Partner API key</label>
        <input
          id="partner-key"
          name="partner-key"
          type="password"
          spellCheck={false}
          placeholder="sent as X-Api-Key"
          value={typed.apiKey}
          onChange={onChange("apiKey")}
        />
        <label htmlFor="bearer-token">Bearer token</label>
        <input
          id="bearer-token"
          name="bearer-token"
          type="password"
          spellCheck={false}
          placeholder="sent as Authorization: Bearer …"
          value={typed.token}
          onChange={onChange("token")}
        />
        <span className="hint">Kept in this browser only.</span>
      </form>
      <div className="graphiql-host">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </>
  );
}

const root = document.getElementById("explorer");
if (!root) throw new Error("the page has no #explorer element");
createRoot(root).render(<Explorer />);
