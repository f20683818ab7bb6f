import { describe, expect, it } from "vitest";
import { type RouteHandler, routeFor } from "./http-server.js";

describe("routeFor", () => {
  const exact: RouteHandler = () => {};
  const media: RouteHandler = () => {};
  const deep: RouteHandler = () => {};
  const routes = { "/media/special": exact, "/media/*": media, "/media/a/b/*": deep };

  it("prefers an exact path, then the nearest wildcard above the path", () => {
    expect(routeFor(routes, "/media/special")).toBe(exact);
    expect(routeFor(routes, "/media/x")).toBe(media);
    expect(routeFor(routes, "/media/a/x")).toBe(media);
    expect(routeFor(routes, "/media/a/b/c")).toBe(deep);
  });

  it("serves nothing above or beside a wildcard's prefix", () => {
    expect(routeFor(routes, "/media")).toBeUndefined();
    expect(routeFor(routes, "/mediax/y")).toBeUndefined();
    expect(routeFor(routes, "/")).toBeUndefined();
    expect(routeFor({ "/*": exact }, "/anything")).toBeUndefined();
  });
});
