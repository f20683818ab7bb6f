import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateKubernetesObject } from "./kubernetes-schemas.js";
import {
  type Json,
  type JsonObject,
  type KubeObject,
  kubernetesDir,
  kustomize,
  strategicMerge,
} from "./kustomize.js";

const overlays = ["development", "production"] as const;
const SERVICES = ["router", "marketplace", "location", "communication"];
const AUTOSCALED = ["router", "location"];
/** Created by whoever runs the cluster; deploy/README.md says how. Never in the repository. */
const PROVIDED_BY_OPERATOR = [
  "venta-auth",
  "venta-datastores",
  "venta-identity",
  "venta-marketplace",
  "venta-communication",
  "venta-push",
];

const readme = readFileSync(join(kubernetesDir, "..", "README.md"), "utf8");

// Small, typed readers over parsed YAML: a missing field reads as undefined, and the test fails on it.
const obj = (value: Json | undefined): JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const at = (value: Json | undefined, ...path: string[]): Json | undefined =>
  path.reduce<Json | undefined>((v, key) => obj(v)[key], value);

const find = (objects: KubeObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const selects = (selector: Json | undefined, labels: Json | undefined) =>
  Object.entries(obj(at(selector, "matchLabels") ?? selector)).every(([k, v]) => obj(labels)[k] === v) &&
  Object.keys(obj(at(selector, "matchLabels") ?? selector)).length > 0;

describe.each(overlays)("the %s overlay", (overlay) => {
  const objects = kustomize(join(kubernetesDir, "overlays", overlay));
  const deployments = objects.filter((o) => o.kind === "Deployment");

  it("validates every object against the Kubernetes schemas", () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) validateKubernetesObject(object);
  });

  it("puts everything in the overlay's namespace", () => {
    const namespace = overlay === "production" ? "venta" : "venta-dev";
    expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set([namespace]));
  });

  it("runs each service from a registry image, with probes, resources and a locked-down container", () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(SERVICES.map((s) => `venta-${s}`).sort());
    for (const deployment of deployments) {
      const pod = at(deployment, "spec", "template", "spec");
      expect(at(pod, "securityContext", "runAsNonRoot"), deployment.metadata.name).toBe(true);
      expect(at(pod, "securityContext", "runAsUser")).not.toBe(0);
      const volumes = list(at(pod, "volumes")).map(obj);
      for (const container of list(at(pod, "containers")).map(obj)) {
        expect(container.image).toMatch(/^ghcr\.io\/venta\/venta:[\w.-]+$/);
        const ports = list(container.ports).map(obj);
        const http = ports.find((p) => p.name === "http");
        expect(http?.containerPort).toBeTypeOf("number");
        expect(at(container, "livenessProbe", "httpGet")).toEqual({ path: "/health/live", port: "http" });
        expect(at(container, "readinessProbe", "httpGet")).toEqual({ path: "/health/ready", port: "http" });
        expect(at(container, "resources", "requests", "cpu")).toBeDefined();
        expect(at(container, "resources", "requests", "memory")).toBeDefined();
        expect(at(container, "resources", "limits", "memory")).toBeDefined();
        expect(at(container, "securityContext", "readOnlyRootFilesystem")).toBe(true);
        expect(at(container, "securityContext", "allowPrivilegeEscalation")).toBe(false);
        // A read-only root still needs somewhere to write: /tmp and DATA_DIR are emptyDirs.
        const mounts = list(container.volumeMounts).map(obj);
        for (const path of ["/tmp", "/data"]) {
          const mount = mounts.find((m) => m.mountPath === path);
          const volume = volumes.find((v) => v.name === mount?.name);
          expect(volume?.emptyDir, `${deployment.metadata.name} ${path}`).toBeDefined();
        }
        for (const mount of mounts) expect(volumes.map((v) => v.name)).toContain(mount.name);
        // Prometheus finds /metrics on the container's own port.
        const annotations = obj(at(deployment, "spec", "template", "metadata", "annotations"));
        expect(annotations).toMatchObject({
          "prometheus.io/scrape": "true",
          "prometheus.io/path": "/metrics",
        });
        expect(annotations["prometheus.io/port"]).toBe(String(http?.containerPort));
      }
    }
  });

  it("gives each service a Service and a PodDisruptionBudget that select its pods", () => {
    for (const deployment of deployments) {
      const labels = at(deployment, "spec", "template", "metadata", "labels");
      expect(selects(at(deployment, "spec", "selector"), labels)).toBe(true);
      const service = find(objects, "Service", deployment.metadata.name);
      expect(selects(at(service, "spec", "selector"), labels), `Service ${deployment.metadata.name}`).toBe(
        true,
      );
      const pdb = find(objects, "PodDisruptionBudget", deployment.metadata.name);
      expect(selects(at(pdb, "spec", "selector"), labels), `PDB ${deployment.metadata.name}`).toBe(true);
    }
  });

  it("autoscales the router and location, and leaves their replica count to the autoscaler", () => {
    const autoscalers = objects.filter((o) => o.kind === "HorizontalPodAutoscaler");
    expect(autoscalers.map((a) => at(a, "spec", "scaleTargetRef", "name")).sort()).toEqual(
      AUTOSCALED.map((s) => `venta-${s}`).sort(),
    );
    for (const autoscaler of autoscalers) {
      const target = find(objects, "Deployment", String(at(autoscaler, "spec", "scaleTargetRef", "name")));
      expect(target).toBeDefined();
      expect(at(target, "spec", "replicas")).toBeUndefined();
    }
  });

  it("refers to secrets by name only, and every config or secret it needs is in the tree or documented", () => {
    expect(objects.filter((o) => o.kind === "Secret")).toEqual([]);
    const referenced = new Set<string>();
    const walk = (value: Json | undefined, key = ""): void => {
      if (["configMapRef", "secretRef", "configMapKeyRef", "secretKeyRef"].includes(key)) {
        referenced.add(String(obj(value).name));
      }
      if (key === "secret") referenced.add(String(obj(value).secretName));
      if (Array.isArray(value)) for (const item of value) walk(item);
      else if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    for (const deployment of deployments) walk(deployment);
    for (const name of referenced) {
      if (find(objects, "ConfigMap", name)) continue;
      expect(PROVIDED_BY_OPERATOR, name).toContain(name);
      expect(readme, `deploy/README.md documents ${name}`).toContain(`\`${name}\``);
    }
  });

  it("routes the router to every subgraph's Service", () => {
    const config = obj(at(find(objects, "ConfigMap", "venta-config"), "data"));
    for (const subgraph of SERVICES.filter((s) => s !== "router")) {
      const url = new URL(String(config[`${subgraph.toUpperCase()}_URL`]));
      const service = find(objects, "Service", url.hostname);
      expect(service, url.hostname).toBeDefined();
      expect(list(at(service, "spec", "ports")).map((p) => obj(p).port)).toContain(Number(url.port));
    }
  });
});

describe("the production overlay", () => {
  const objects = kustomize(join(kubernetesDir, "overlays", "production"));
  it("runs in production mode with the identity provider's settings", () => {
    expect(at(find(objects, "ConfigMap", "venta-config"), "data", "NODE_ENV")).toBe("production");
    const router = obj(
      list(at(find(objects, "Deployment", "venta-router"), "spec", "template", "spec", "containers"))[0],
    );
    const env = list(router.env).map((e) => obj(e).name);
    expect(env).toEqual(
      expect.arrayContaining(["INTERNAL_AUTH_SECRET", "REDIS_URL", "AUTH_JWKS_URL", "AUTH_ISSUER"]),
    );
  });
});

describe("the kustomize renderer", () => {
  it("merges lists of named items by name and replaces other lists", () => {
    const base: Json = { containers: [{ name: "a", env: [{ name: "X", value: "1" }], args: ["p", "q"] }] };
    const patch: Json = { containers: [{ name: "a", env: [{ name: "Y", value: "2" }], args: ["r"] }] };
    expect(strategicMerge(base, patch)).toEqual({
      containers: [
        {
          name: "a",
          env: [
            { name: "X", value: "1" },
            { name: "Y", value: "2" },
          ],
          args: ["r"],
        },
      ],
    });
    expect(strategicMerge({ a: 1, b: 2 }, { b: null })).toEqual({ a: 1 });
  });
});
