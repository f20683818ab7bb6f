import { Agent, request } from "node:http";
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";

/**
 * Calls subgraphs over plain node:http with a keep-alive pool. Measured on loopback, Node's WHATWG
 * `fetch` costs about 1 ms more per call than this, and every query pays it once per subgraph hop.
 */
export function keepAliveFetcher(timeoutMs: number): Fetcher {
  const agent = new Agent({ keepAlive: true, maxSockets: 512, scheduling: "lifo" });
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const outgoing = request(
        url,
        { method: init.method ?? "GET", headers: init.headers, agent, timeout: timeoutMs },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
            }
            resolve(
              bufferedResponse(
                url,
                incoming.statusCode ?? 0,
                incoming.statusMessage ?? "",
                headers,
                Buffer.concat(chunks),
              ),
            );
          });
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on("error", reject);
      outgoing.end(init.body);
    });
}

function bufferedResponse(
  url: string,
  status: number,
  statusText: string,
  headers: Headers,
  body: Buffer,
): FetcherResponse {
  const text = () => body.toString("utf8");
  return {
    url,
    status,
    statusText,
    headers,
    ok: status >= 200 && status < 300,
    redirected: false,
    bodyUsed: false,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    clone: () => bufferedResponse(url, status, statusText, headers, body),
  };
}
