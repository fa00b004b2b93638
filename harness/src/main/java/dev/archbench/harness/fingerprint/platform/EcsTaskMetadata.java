package dev.archbench.harness.fingerprint.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.record.Json;
import dev.archbench.record.Platform;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure parser of the ECS task metadata endpoint v4's answers: {@code ${ECS_CONTAINER_METADATA_URI_V4}/task}
 * (the task: cluster, ARN, family and revision, launch type, zone, task-level limits in vCPU and MiB)
 * and {@code ${ECS_CONTAINER_METADATA_URI_V4}} (this container: its limits, CPU in units of 1/1024
 * vCPU). Every value is validated against the shape AWS documents, so a strange endpoint cannot put
 * arbitrary text into a record; an answer without a task ARN is no task.
 */
final class EcsTaskMetadata {
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9:/_.-]{1,300}");
  private static final Pattern TASK_ARN =
      Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:task/[A-Za-z0-9_./-]{1,300}");
  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern REVISION = Pattern.compile("\\d{1,9}");
  /** Container CPU units at or below the kernel's minimum shares mean "not set". */
  private static final double MIN_CPU_UNITS = 2;
  private static final double UNITS_PER_VCPU = 1024;

  private EcsTaskMetadata() {}

  /** The task, or empty when {@code taskJson} is not a task metadata answer. {@code containerJson} may be null. */
  static Optional<Platform.EcsTask> parse(String taskJson, String containerJson) {
    JsonNode task = tree(taskJson);
    String arn = task == null ? null : text(task, "TaskARN", TASK_ARN);
    if (arn == null) {
      return Optional.empty();
    }
    JsonNode container = tree(containerJson);
    return Optional.of(new Platform.EcsTask(
        text(task, "Cluster", CLUSTER),
        arn,
        text(task, "Family", FAMILY),
        text(task, "Revision", REVISION),
        launchType(task.path("LaunchType").asText(null)),
        text(task, "AvailabilityZone", CloudSource.ZONE),
        taskLimits(task.path("Limits")),
        container == null ? null : containerLimits(container.path("Limits"))));
  }

  /** The region of a task ARN ({@code arn:aws:ecs:REGION:ACCOUNT:task/...}), or null. */
  static String region(String taskArn) {
    if (taskArn == null) {
      return null;
    }
    String[] parts = taskArn.split(":", 6);
    return parts.length > 3 && CloudSource.REGION.matcher(parts[3]).matches() ? parts[3] : null;
  }

  static String launchType(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip()) {
      case "FARGATE" -> "FARGATE";
      case "EC2" -> "EC2";
      case "EXTERNAL" -> "EXTERNAL";
      default -> null;
    };
  }

  /** Task level: CPU in vCPU, memory in MiB. */
  private static Platform.Resources taskLimits(JsonNode limits) {
    Double vcpu = positive(limits.path("CPU"));
    Long mib = wholeMib(limits.path("Memory"));
    return vcpu == null && mib == null ? null : new Platform.Resources(vcpu, mib);
  }

  /** Container level: CPU in units of 1/1024 vCPU, memory in MiB; 0 means not set. */
  private static Platform.Resources containerLimits(JsonNode limits) {
    Double units = positive(limits.path("CPU"));
    Double vcpu = units == null || units <= MIN_CPU_UNITS ? null : units / UNITS_PER_VCPU;
    Long mib = wholeMib(limits.path("Memory"));
    return vcpu == null && mib == null ? null : new Platform.Resources(vcpu, mib);
  }

  private static Double positive(JsonNode n) {
    return n.isNumber() && n.asDouble() > 0 && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  private static Long wholeMib(JsonNode n) {
    return n.isIntegralNumber() && n.asLong() > 0 ? n.asLong() : null;
  }

  private static String text(JsonNode node, String field, Pattern shape) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      return null;
    }
    String s = v.asText().strip();
    return shape.matcher(s).matches() ? s : null;
  }

  private static JsonNode tree(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode n = Json.mapper().readTree(json);
      return n != null && n.isObject() ? n : null;
    } catch (java.io.IOException e) {
      return null; // not JSON: no answer
    }
  }
}
