package org.borrowck4j.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Merges the SARIF runs of a reactor's modules into one run, as GitHub's code-scanning upload
 * expects for a repository: the first run's tool and rules (every module ran the same plugin),
 * every result and notification, one invocation that succeeded only if every one did, and every
 * URI relative to the aggregate's source root.
 */
final class SarifMerge {
  static final String SRCROOT = "%SRCROOT%";

  private final Path root;
  private ObjectNode log;
  private ObjectNode run;

  /** @param root the directory the merged URIs are relative to */
  SarifMerge(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Adds every run of a module's log. */
  void add(JsonNode moduleLog) {
    for (JsonNode moduleRun : moduleLog.path("runs")) {
      ObjectNode copy = (ObjectNode) moduleRun.deepCopy();
      rebase(copy, moduleRoot(copy));
      if (run == null) {
        start((ObjectNode) moduleLog, copy);
      } else {
        append(copy);
      }
    }
  }

  /** The merged log, with the aggregate's {@code automationDetails.id}; null when nothing was added. */
  ObjectNode result(String automationId) {
    if (run != null) {
      run.putObject("automationDetails").put("id", automationId);
    }
    return log;
  }

  private void start(ObjectNode moduleLog, ObjectNode first) {
    log = moduleLog.deepCopy();
    ArrayNode runs = log.putArray("runs");
    runs.add(first);
    run = first;
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", root.toUri().toString());
  }

  private void append(ObjectNode other) {
    run.withArrayProperty("results").addAll(other.withArrayProperty("results"));
    ObjectNode invocation = (ObjectNode) run.withArrayProperty("invocations").get(0);
    JsonNode theirs = other.path("invocations").path(0);
    invocation.put("executionSuccessful", invocation.path("executionSuccessful").asBoolean(true) && theirs.path("executionSuccessful").asBoolean(true));
    if (theirs.has("toolExecutionNotifications")) {
      invocation.withArrayProperty("toolExecutionNotifications").addAll((ArrayNode) theirs.get("toolExecutionNotifications"));
    }
  }

  private static Path moduleRoot(JsonNode run) {
    String uri = run.path("originalUriBaseIds").path(SRCROOT).path("uri").asText("");
    return uri.isEmpty() ? null : Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  /** Makes every {@code %SRCROOT%}-relative URI relative to the aggregate's root instead. */
  private void rebase(JsonNode node, Path moduleRoot) {
    if (moduleRoot == null || moduleRoot.equals(root)) {
      return;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (SRCROOT.equals(object.path("uriBaseId").asText()) && object.path("uri").isTextual()) {
        Path file = moduleRoot.resolve(URI.create(object.path("uri").asText()).getPath()).normalize();
        if (file.startsWith(root)) {
          object.put("uri", root.toUri().relativize(file.toUri()).toString());
        } else {
          object.put("uri", file.toUri().toString());
          object.remove("uriBaseId");
        }
      }
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!e.getKey().equals("originalUriBaseIds")) {
          rebase(e.getValue(), moduleRoot);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        rebase(child, moduleRoot);
      }
    }
  }
}
