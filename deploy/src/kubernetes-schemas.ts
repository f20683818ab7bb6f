import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Service } from "kubernetes-models/v1";
import type { KubeObject } from "./kustomize.js";

/**
 * Checks an object against the Kubernetes OpenAPI schema of its kind (kubernetes-models): types,
 * required fields, enums. Kinds not listed here fail, so a new kind is added here on purpose.
 * kubernetes-models does not refuse unknown fields; the tests check the fields we rely on by name.
 */
// Each model is built empty and given the object's fields: its validate() checks whatever it holds,
// which is the point here, where the object's shape is what is in question.
const models: Record<string, () => { validate(): void }> = {
  "apps/v1/Deployment": () => new Deployment(),
  "autoscaling/v2/HorizontalPodAutoscaler": () => new HorizontalPodAutoscaler(),
  "policy/v1/PodDisruptionBudget": () => new PodDisruptionBudget(),
  "v1/ConfigMap": () => new ConfigMap(),
  "v1/Service": () => new Service(),
};

/** Throws, naming the object and the first schema violation, unless `object` is valid. */
export function validateKubernetesObject(object: KubeObject): void {
  const model = models[`${object.apiVersion}/${object.kind}`];
  if (!model) throw new Error(`${object.apiVersion} ${object.kind} has no schema check`);
  try {
    Object.assign(model(), object).validate();
  } catch (error) {
    throw new Error(
      `${object.kind} ${object.metadata.name}: ${error instanceof Error ? error.message : error}`,
    );
  }
}
