import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// type-graphql reads decorator metadata, which esbuild does not emit: SWC compiles the tests.
export default defineConfig({
  plugins: [
    swc.vite({ jsc: { target: "es2022", transform: { decoratorMetadata: true, legacyDecorator: true } } }),
  ],
  resolve: {
    conditions: ["venta-source"],
    // graphql ships CJS and ESM builds without an exports map: Node loads the CJS one for every
    // library, so our sources must get the same instance or schemas look "from another realm".
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  ssr: { resolve: { conditions: ["venta-source"] } },
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
