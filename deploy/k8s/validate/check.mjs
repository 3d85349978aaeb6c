// Checks Kubernetes manifests offline, before an admin applies them:
//     npm ci --prefix deploy/k8s/validate && node deploy/k8s/validate/check.mjs deploy/k8s/*.yaml
// 1. Against the API of Kubernetes 1.29, the kit's minimum: each object is type-checked by TypeScript against
//    kubernetes-types 1.29.0, which is generated from that release's OpenAPI definitions — an unknown or misspelt field,
//    a field newer than 1.29, a wrong type or a missing required field is an error, as the API server's strict field
//    validation would make it. TypeScript stops at the first such problem in an object: fix it and run again.
// 2. Against the restricted Pod Security Standard and the kit's own rules for its pods (non-root, no privilege escalation,
//    capabilities dropped, seccomp RuntimeDefault, allowed volume types, a pinned image pulled IfNotPresent, requests and
//    limits, amd64 nodes, the node's name passed to shards), plus the enumerations TypeScript types leave as strings.
// Prints "ok FILE (Kind/name, …)" per file or one line per problem naming the file and object; exits 1 on any problem.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs MANIFEST.yaml…");
  process.exit(2);
}

const problems = [];
const objects = []; // { file, index, object }
for (const file of files) {
  let documents;
  try {
    documents = parseAllDocuments(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: cannot be read: ${error.message}`);
    continue;
  }
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      problems.push(`${file}: not valid YAML: ${document.errors[0].message.split("\n")[0]}`);
    } else if (document.contents !== null) {
      objects.push({ file, index, object: document.toJS() });
    }
  });
}

// 1. The API types of Kubernetes 1.29. "batch/v1" → kubernetes-types/batch/v1, "v1" → core/v1,
// "rbac.authorization.k8s.io/v1" → rbac/v1.
const typeChecked = [];
for (const entry of objects) {
  const { apiVersion, kind } = entry.object ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Z][A-Za-z]+$/.test(kind)) {
    problems.push(`${describe(entry)}: needs apiVersion and kind`);
    continue;
  }

  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  typeChecked.push({ ...entry, module: `kubernetes-types/${group.split(".")[0]}/${version}`, kind });
}

const scratch = mkdtempSync(join(here, ".check-"));
try {
  const sources = typeChecked.map((entry, i) => {
    const path = join(scratch, `object${i}.ts`);
    writeFileSync(path, `import type { ${entry.kind} } from "${entry.module}";\n` +
      `export const object: ${entry.kind} = ${JSON.stringify(entry.object, null, 2)};\n`);
    return path;
  });
  const program = ts.createProgram(sources, {
    strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [], skipLibCheck: true,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const i = sources.indexOf(diagnostic.file?.fileName ?? "");
    const where = i >= 0 ? describe(typeChecked[i]) : "validator";
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    problems.push(`${where}: against the Kubernetes 1.29 API: ${message}${i >= 0 ? pathAt(diagnostic) : ""}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// 2. The restricted Pod Security Standard, the kit's rules for its pods, and enumerations.
const allowedVolumes = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];
for (const entry of objects) {
  const { kind, spec } = entry.object ?? {};
  const at = describe(entry);
  if (kind === "PersistentVolumeClaim") {
    const modes = spec?.accessModes ?? [];
    oneOf(at, "accessModes", modes, ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]);
    check(modes.includes("ReadWriteMany"), at, "every shard and the merge mount it at once: accessModes must include ReadWriteMany");
    check(spec?.resources?.requests?.storage !== undefined, at, "states no size (resources.requests.storage)");
  }
  if (kind !== "Job") {
    continue;
  }

  oneOf(at, "completionMode", [spec?.completionMode ?? "NonIndexed"], ["Indexed", "NonIndexed"]);
  const pod = spec?.template?.spec ?? {};
  oneOf(at, "restartPolicy", [pod.restartPolicy], ["Never", "OnFailure"]);
  check(pod.nodeSelector?.["kubernetes.io/arch"] === "amd64", at,
    "needs nodeSelector kubernetes.io/arch: amd64 (libtorch-cpu is built for x86-64 only)");
  for (const flag of ["hostNetwork", "hostPID", "hostIPC"]) {
    check(pod[flag] !== true, at, `${flag} is not allowed under the restricted Pod Security Standard`);
  }
  for (const volume of pod.volumes ?? []) {
    const type = Object.keys(volume).find(k => k !== "name");
    check(allowedVolumes.includes(type), at, `volume ${volume.name}: ${type} is not allowed under the restricted standard`);
  }
  const podSecurity = pod.securityContext ?? {};
  oneOf(at, "securityContext.seccompProfile.type", [podSecurity.seccompProfile?.type], ["RuntimeDefault", "Localhost"]);
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const where = `${at} container ${container.name}`;
    const security = container.securityContext ?? {};
    check((security.runAsNonRoot ?? podSecurity.runAsNonRoot) === true, where, "must set runAsNonRoot: true");
    check((security.runAsUser ?? podSecurity.runAsUser) !== 0, where, "must not run as user 0");
    check(security.privileged !== true, where, "must not be privileged");
    check(security.allowPrivilegeEscalation === false, where, "must set allowPrivilegeEscalation: false");
    check((security.capabilities?.drop ?? []).includes("ALL"), where, "must drop ALL capabilities");
    check((security.capabilities?.add ?? []).every(c => c === "NET_BIND_SERVICE"), where, "may add only NET_BIND_SERVICE");
    check(/^[^/]+\.[^/]+\/.+:[^:/]+$/.test(container.image ?? "") && !/:latest$/.test(container.image), where,
      `image ${container.image} must name its registry and a version tag, not latest`);
    oneOf(where, "imagePullPolicy", [container.imagePullPolicy], ["IfNotPresent"]);
    if ((container.command ?? []).some(part => part.includes("run-shard.sh"))) {
      const node = (container.env ?? []).find(variable => variable.name === "PRELUKIT_NODE_NAME");
      check(node?.valueFrom?.fieldRef?.fieldPath === "spec.nodeName", where,
        "runs shards, so needs env PRELUKIT_NODE_NAME from fieldRef spec.nodeName (runs are timed per node, not per pod)");
    }
    for (const part of ["requests", "limits"]) {
      check(container.resources?.[part]?.cpu !== undefined && container.resources?.[part]?.memory !== undefined, where,
        `needs resources.${part} for cpu and memory`);
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) {
    console.error(problem);
  }
  process.exit(1);
}
for (const file of files) {
  const names = objects.filter(o => o.file === file).map(o => `${o.object.kind}/${o.object.metadata?.name}`);
  console.log(`ok ${basename(file)} (${names.join(", ")})`);
}

function describe({ file, object }) {
  return `${basename(file)}: ${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
}

function check(condition, where, message) {
  if (!condition) {
    problems.push(`${where}: ${message}`);
  }
}

function oneOf(where, field, values, allowed) {
  for (const value of values) {
    check(allowed.includes(value), where, `${field} is ${value === undefined ? "not set" : JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
  }
}

// The JSON path of the property a diagnostic points at, read off the generated object literal's indentation (two spaces
// a level; array items count as a level without a key).
function pathAt(diagnostic) {
  const text = diagnostic.file.text;
  const lines = text.slice(0, diagnostic.start).split("\n");
  const keys = [];
  for (const line of lines.slice(1, -1)) {
    const match = /^(\s*)"([^"]+)":/.exec(line);
    if (match) {
      keys.length = match[1].length / 2 - 1;
      keys.push(match[2]);
    }
  }
  keys.length = Math.max(0, lines.at(-1).length / 2 - 1);
  const key = /^"([^"]+)"/.exec(text.slice(diagnostic.start));
  if (key) {
    keys.push(key[1]);
  }
  const path = keys.filter(k => k !== undefined).join(".");
  return path === "" ? "" : ` (at ${path})`;
}
