import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

/**
 * Renders our kustomize trees without the kubectl binary, for CI. It reads only the subset of
 * kustomization.yaml deploy/kubernetes uses (`resources`, `patches` by path, `images`, `namespace`)
 * and refuses any other field, so a manifest cannot come to rely on a kustomize feature this check
 * would silently skip. Patches are strategic merges of whole objects, found by kind and name.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** A parsed manifest: any object with the fields every Kubernetes object has. */
export type KubeObject = JsonObject & {
  apiVersion: string;
  kind: string;
  metadata: JsonObject & { name: string };
};

const KNOWN_FIELDS = new Set(["apiVersion", "kind", "resources", "patches", "images", "namespace"]);

/** Kinds that live in no namespace; `namespace:` leaves them alone. None are used here yet. */
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass"]);

interface ImageRule {
  name: string;
  newName: string | undefined;
  newTag: string | undefined;
  digest: string | undefined;
}

export function kustomize(dir: string): KubeObject[] {
  const file = join(dir, "kustomization.yaml");
  const kustomization = asObject(readYaml(file)[0], file);
  for (const field of Object.keys(kustomization)) {
    if (!KNOWN_FIELDS.has(field)) throw new Error(`${file}: \`${field}\` is not supported by this renderer`);
  }
  if (kustomization.kind !== "Kustomization") throw new Error(`${file}: kind must be Kustomization`);

  let objects: KubeObject[] = [];
  for (const entry of strings(kustomization.resources ?? [], `${file} resources`)) {
    const path = resolve(dir, entry);
    objects.push(...(statSync(path).isDirectory() ? kustomize(path) : readObjects(path)));
  }
  assertUnique(objects, file);

  for (const patchEntry of asArray(kustomization.patches ?? [], `${file} patches`)) {
    const entry = asObject(patchEntry, `${file} patches`);
    if (Object.keys(entry).some((key) => key !== "path") || typeof entry.path !== "string") {
      throw new Error(`${file}: a patch must be \`{ path }\` only`);
    }
    const patchFile = resolve(dir, entry.path);
    const documents = readObjects(patchFile);
    if (documents.length !== 1) throw new Error(`${patchFile}: one object per patch file`);
    const [patch] = documents as [KubeObject];
    const index = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
    if (index < 0) throw new Error(`${patchFile}: no ${patch.kind} named ${patch.metadata.name} to patch`);
    // The patch names the same kind and object, so the result keeps the fields KubeObject requires.
    objects[index] = strategicMerge(objects[index], patch) as KubeObject;
  }

  const images = asArray(kustomization.images ?? [], `${file} images`).map((rule) => imageRule(rule, file));
  if (images.length > 0) objects = objects.map((object) => withImages(object, images));

  if (kustomization.namespace !== undefined) {
    const namespace = kustomization.namespace;
    if (typeof namespace !== "string") throw new Error(`${file}: namespace must be a string`);
    objects = objects.map((o) =>
      CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace } },
    );
  }
  return objects;
}

/**
 * Kubernetes' strategic merge for the patches we write: maps merge key by key (null deletes), and
 * lists whose items all carry a `name` merge item by item (containers, env). Every other list is
 * replaced. Kubernetes merges container ports by `containerPort` and mounts by `mountPath`: patch
 * those by restating the whole container in the base instead.
 */
export function strategicMerge(base: Json | undefined, patch: Json): Json {
  if (isObject(base) && isObject(patch)) {
    const merged: JsonObject = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = strategicMerge(base[key], value);
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(patch) && base.every(named) && patch.every(named)) {
    const merged: Json[] = [...base];
    for (const item of patch) {
      const at = merged.findIndex((existing) => named(existing) && existing.name === item.name);
      if (at < 0) merged.push(item);
      else merged[at] = strategicMerge(merged[at], item);
    }
    return merged;
  }
  return patch;
}

function withImages(object: KubeObject, rules: ImageRule[]): KubeObject {
  const template = isObject(object.spec) ? object.spec.template : undefined;
  const podSpec = isObject(template) ? template.spec : undefined;
  if (!isObject(podSpec)) return object;
  const retag = (containers: Json | undefined) =>
    Array.isArray(containers)
      ? containers.map((c) =>
          isObject(c) && typeof c.image === "string" ? { ...c, image: image(c.image, rules) } : c,
        )
      : containers;
  const spec: JsonObject = { ...podSpec, containers: retag(podSpec.containers) ?? [] };
  if (podSpec.initContainers !== undefined) spec.initContainers = retag(podSpec.initContainers) ?? [];
  // Only the pod spec changes: the fields KubeObject requires stay as they were.
  return strategicMerge(object, { spec: { template: { spec } } }) as KubeObject;
}

function image(reference: string, rules: ImageRule[]): string {
  const [, name = reference, tag = ""] = /^(.+?)((?::[^:/@]+)?(?:@.+)?)$/.exec(reference) ?? [];
  const rule = rules.find((r) => r.name === name);
  if (!rule) return reference;
  const newName = rule.newName ?? name;
  if (rule.digest) return `${newName}@${rule.digest}`;
  return rule.newTag ? `${newName}:${rule.newTag}` : `${newName}${tag}`;
}

function imageRule(value: Json, file: string): ImageRule {
  const rule = asObject(value, `${file} images`);
  const allowed = ["name", "newName", "newTag", "digest"];
  if (Object.entries(rule).some(([key, v]) => !allowed.includes(key) || typeof v !== "string")) {
    throw new Error(`${file}: an image rule has string name, newName, newTag or digest only`);
  }
  const text = (key: string) => (typeof rule[key] === "string" ? rule[key] : undefined);
  const name = text("name");
  if (name === undefined) throw new Error(`${file}: an image rule needs a name`);
  return { name, newName: text("newName"), newTag: text("newTag"), digest: text("digest") };
}

function readObjects(path: string): KubeObject[] {
  return readYaml(path).map((document) => {
    const object = asObject(document, path);
    const metadata = object.metadata;
    if (
      typeof object.apiVersion !== "string" ||
      typeof object.kind !== "string" ||
      !isObject(metadata) ||
      typeof metadata.name !== "string"
    ) {
      throw new Error(`${path}: every object needs apiVersion, kind and metadata.name`);
    }
    return {
      ...object,
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: { ...metadata, name: metadata.name },
    };
  });
}

function readYaml(path: string): Json[] {
  if (!existsSync(path)) throw new Error(`${path} does not exist`);
  return parseAllDocuments(readFileSync(path, "utf8")).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0]?.message}`);
    return document.toJS() as Json;
  });
}

function assertUnique(objects: KubeObject[], file: string): void {
  const seen = new Set<string>();
  for (const { kind, metadata } of objects) {
    const key = `${kind}/${metadata.name}`;
    if (seen.has(key)) throw new Error(`${file}: ${key} appears twice`);
    seen.add(key);
  }
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const named = (item: Json): item is JsonObject & { name: string } =>
  isObject(item) && typeof item.name === "string";

function asObject(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where}: expected a mapping`);
  return value;
}
function asArray(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value;
}
function strings(value: Json, where: string): string[] {
  const list = asArray(value, where);
  if (!list.every((item) => typeof item === "string")) throw new Error(`${where}: expected strings`);
  return list as string[];
}

/** deploy/kubernetes, wherever the tests run from. */
export const kubernetesDir = join(dirname(dirname(fileURLToPath(import.meta.url))), "kubernetes");
