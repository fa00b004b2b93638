package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where the run's process runs, on top of the machine {@link Host} describes: an EC2 instance, an
 * ECS task (on Fargate or on an EC2 container instance), a Kubernetes pod, a Lambda function, or a
 * host nobody placed it on. Containers and functions are paid for by their size, not by a machine,
 * so the size the platform granted is recorded here and the report prices it (a Fargate task from
 * its vCPU and memory, a Lambda function from its memory). The machine underneath (the CPU model in
 * {@code host.cpu}) varies from task to task: records of several tasks of one size show that lottery.
 *
 * <p>Exactly one of {@code ecsTask}, {@code kubernetesPod}, {@code lambdaFunction} is set when
 * {@code kind} names it; the others are {@code null}. Values come from the platform's metadata (ECS
 * task metadata endpoint v4, the Lambda runtime's environment, the Kubernetes downward API), never
 * from credentials.
 *
 * @param region the AWS region the platform reports (ECS: from the task ARN; Lambda: {@code AWS_REGION}),
 *     or {@code null}; an EC2 instance's region stays in {@code host.cloud}
 */
public record Platform(Kind kind, String region, EcsTask ecsTask, KubernetesPod kubernetesPod,
    LambdaFunction lambdaFunction) {

  /** A host with no platform detected: not EC2, no container orchestrator, no function runtime. */
  public static final Platform HOST = new Platform(Kind.HOST, null, null, null, null);
  /** An EC2 instance the run was started on directly (its type and placement are in {@code host.cloud}). */
  public static final Platform EC2_INSTANCE = new Platform(Kind.EC2_INSTANCE, null, null, null, null);

  public enum Kind {
    /** An EC2 instance (DMI or IMDS said so) with no orchestrator detected. */
    EC2_INSTANCE,
    /** An Amazon ECS task; {@link EcsTask#launchType} says Fargate or EC2. */
    ECS_TASK,
    /** A Kubernetes pod (EKS or any other cluster). */
    KUBERNETES_POD,
    /** An AWS Lambda function's execution environment. */
    LAMBDA_FUNCTION,
    /** None of the above detected: a bare host, a laptop, a CI runner. */
    HOST;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The CPU and memory a platform granted: a Fargate task size, a container's limits. */
  public record Resources(Double vcpu, Long memoryMib) {}

  /**
   * An ECS task, from the task metadata endpoint v4 ({@code ${ECS_CONTAINER_METADATA_URI_V4}/task}
   * and, for the container, {@code ${ECS_CONTAINER_METADATA_URI_V4}}).
   *
   * @param launchType {@code FARGATE} or {@code EC2} as ECS says it (older EC2 agents omit it: {@code null})
   * @param task the task-level limits (a Fargate task size, e.g. 0.25 vCPU and 512 MiB), or {@code null}
   *     when the task definition sets none
   * @param container this container's limits (ECS gives CPU in units of 1/1024 vCPU; recorded in vCPU)
   */
  public record EcsTask(String cluster, String taskArn, String family, String revision, String launchType,
      String availabilityZone, Resources task, Resources container) {

    public boolean onFargate() {
      return "FARGATE".equals(launchType);
    }
  }

  /**
   * A Kubernetes pod, from the downward API's usual variables ({@code POD_NAME}, {@code POD_NAMESPACE},
   * {@code NODE_NAME}) and the container's cgroup. Its limits are {@code host.container}'s.
   *
   * @param cpuRequest the CPU request in vCPU, derived from the cgroup's CPU weight ({@code cpu.shares}
   *     in v1: exact; {@code cpu.weight} in v2 through runc's classic shares mapping: within about
   *     0.02 vCPU), or {@code null}
   */
  public record KubernetesPod(String name, String namespace, String node, Double cpuRequest) {}

  /**
   * A Lambda function's execution environment, from the variables the runtime sets, and whether the
   * invocation that wrote the record was the environment's first.
   *
   * @param memoryMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}: the configured memory in MB, which also sets its CPU share and price
   * @param initializationType {@code AWS_LAMBDA_INITIALIZATION_TYPE}: {@code on-demand},
   *     {@code provisioned-concurrency} or {@code snap-start}: how Lambda prepares environments, not
   *     whether one invocation found its environment new
   * @param runtime {@code AWS_EXECUTION_ENV}, e.g. {@code AWS_Lambda_java17}
   * @param start the invocation's start, which only the handler knows ({@code dev.archbench.lambda}
   *     stamps it on the record it returns); {@code null} when the record was not written by an
   *     invocation ({@code archbench run} or {@code sysinfo} in a Lambda environment, records older
   *     than the field)
   */
  public record LambdaFunction(String name, String version, Integer memoryMb, String initializationType,
      String runtime, @JsonInclude(JsonInclude.Include.NON_NULL) Start start) {

    /** As the environment's variables describe it, before any invocation says cold or warm. */
    public LambdaFunction(String name, String version, Integer memoryMb, String initializationType, String runtime) {
      this(name, version, memoryMb, initializationType, runtime, null);
    }

    /** A copy that says how the invocation started. */
    public LambdaFunction withStart(Start newStart) {
      return new LambdaFunction(name, version, memoryMb, initializationType, runtime, newStart);
    }
  }

  /**
   * How an invocation found its execution environment. A cold one is the environment's first: a new
   * JVM, classes loaded, caches empty, possibly a different machine. Its measurements are not those of
   * a busy function's steady state, so reports keep cold and warm invocations apart.
   */
  public enum Start {
    /** The first invocation of a new execution environment. */
    COLD,
    /** An invocation of an environment that had served before. */
    WARM;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The kind as the record spells it, or {@code null} for a record without a platform. */
  public static String kindOf(Platform p) {
    return p == null || p.kind() == null ? null : p.kind().id();
  }

  /**
   * How reports name a platform whose price follows its size, e.g. {@code fargate-arm64-1vcpu-2gb}
   * or {@code lambda-arm64-1769mb}; {@code null} for every other platform (they are priced by their
   * EC2 instance type, or by {@code --price}). {@code arch} is the host's. Cold and warm invocations
   * of one function have one size key (one price); {@link #hostKey} tells them apart.
   */
  public String sizeKey(String arch) {
    String a = "aarch64".equals(arch) ? "arm64" : arch == null ? "unknown-arch" : arch;
    if (kind == Kind.ECS_TASK && ecsTask != null && ecsTask.onFargate() && ecsTask.task() != null
        && ecsTask.task().vcpu() != null && ecsTask.task().memoryMib() != null) {
      return "fargate-" + a + "-" + number(ecsTask.task().vcpu()) + "vcpu-" + number(ecsTask.task().memoryMib() / 1024.0)
          + "gb";
    }
    if (kind == Kind.LAMBDA_FUNCTION && lambdaFunction != null && lambdaFunction.memoryMb() != null) {
      return "lambda-" + a + "-" + lambdaFunction.memoryMb() + "mb";
    }
    return null;
  }

  /**
   * How reports name the host of this platform's records: {@link #sizeKey}, and for a Lambda function
   * whose record says how its invocation started, {@code -cold} or {@code -warm} after it (e.g.
   * {@code lambda-arm64-1769mb-cold}), so cold and warm invocations of one function are two hosts of
   * one price. {@code null} where {@code sizeKey} is.
   */
  public String hostKey(String arch) {
    String size = sizeKey(arch);
    Start start = kind == Kind.LAMBDA_FUNCTION && lambdaFunction != null ? lambdaFunction.start() : null;
    return size == null || start == null ? size : size + "-" + start.id();
  }

  /** A copy whose Lambda function says how its invocation started; this platform when it is not a function. */
  public Platform withLambdaStart(Start start) {
    if (kind != Kind.LAMBDA_FUNCTION || lambdaFunction == null) {
      return this;
    }
    return new Platform(kind, region, ecsTask, kubernetesPod, lambdaFunction.withStart(start));
  }

  /** {@code 0.25}, {@code 1}, {@code 0.5}: no trailing zeros, no exponent, Locale-independent. */
  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
