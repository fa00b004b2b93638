package dev.archbench.record;

import java.util.List;
import java.util.Map;

/**
 * The hardware and software fingerprint of the machine a run happened on. JSON names are a contract
 * (see {@code run-record.schema.json}); a value that could not be determined is {@code null}, never a
 * placeholder string.
 *
 * @param arch {@code x86_64} or {@code aarch64}
 * @param id stable hash of the hardware-identity fields: equal for two instances of one type
 * @param environment environment variables from an allowlist only (never secrets)
 * @param platform what the process runs on (EC2 instance, ECS task, Kubernetes pod, Lambda function,
 *     plain host) and the size it was granted; {@code null} in records written before it was recorded
 */
public record Host(
    String arch,
    String id,
    Cpu cpu,
    Memory memory,
    Os os,
    Container container,
    String virtualization,
    Jvm jvm,
    Cloud cloud,
    List<Accelerator> accelerators,
    Map<String, String> environment,
    Platform platform) {

  /** Without a platform (a record written before it was recorded, or a test's host). */
  public Host(String arch, String id, Cpu cpu, Memory memory, Os os, Container container, String virtualization,
      Jvm jvm, Cloud cloud, List<Accelerator> accelerators, Map<String, String> environment) {
    this(arch, id, cpu, memory, os, container, virtualization, jvm, cloud, accelerators, environment, null);
  }

  /** A copy with {@code newPlatform}. */
  public Host withPlatform(Platform newPlatform) {
    return new Host(arch, id, cpu, memory, os, container, virtualization, jvm, cloud, accelerators, environment,
        newPlatform);
  }

  /** CPU identity and topology; x86 fills family/modelNumber/stepping, ARM implementer/part. */
  public record Cpu(
      String vendor,
      String model,
      String microarchitecture,
      Integer family,
      Integer modelNumber,
      Integer stepping,
      String implementer,
      String part,
      Integer gravitonGeneration,
      Integer sockets,
      Integer physicalCores,
      Integer logicalCores,
      Integer threadsPerCore,
      Integer numaNodes,
      CacheBytes cacheBytes,
      Long maxFrequencyHz,
      List<String> features) {}

  /** Cache sizes in bytes, per core for l1/l2 as the kernel reports them, total per socket for l3. */
  public record CacheBytes(Long l1d, Long l1i, Long l2, Long l3) {}

  public record Memory(Long totalBytes) {}

  public record Os(String name, String version, String kernel) {}

  /** cgroup limits; {@code null} fields mean unlimited. */
  public record Container(Double cpuLimit, Long memoryLimitBytes) {}

  public record Jvm(
      String vendor,
      String version,
      String vmName,
      List<String> arguments,
      String gc,
      Long maxHeapBytes,
      Integer availableProcessors) {}

  /**
   * Cloud placement; all {@code null} off-cloud.
   *
   * @param lifecycle {@code on-demand} or {@code spot}
   * @param source {@code dmi} or {@code imds}: where the instance type came from
   * @param instanceId the EC2 instance id (IMDS only): tells two instances of one type apart in a fleet
   */
  public record Cloud(
      String provider,
      String instanceType,
      String region,
      String availabilityZone,
      String lifecycle,
      String amiId,
      String source,
      String instanceId) {

    public static final Cloud NONE = new Cloud(null, null, null, null, null, null, null, null);

    /** Placement without an instance id (DMI, or records written before the id was recorded). */
    public Cloud(String provider, String instanceType, String region, String availabilityZone, String lifecycle,
        String amiId, String source) {
      this(provider, instanceType, region, availabilityZone, lifecycle, amiId, source, null);
    }
  }

  /**
   * One model of accelerator and the software that drives it.
   *
   * @param kind {@code neuron} or {@code gpu}
   * @param driver the kernel driver's version
   * @param runtime the framework runtime on the host that runs models on it, with its version
   *     (Neuron: {@code torch-neuronx 2.7.0.2.9.9} from the Neuron venv; GPU: {@code torch 2.7.1+cu128}
   *     from the GPU PyTorch venv); {@code null} when no such environment is installed
   * @param compiler the ahead-of-time model compiler with its version (Neuron: {@code neuronx-cc 2.20.9});
   *     {@code null} where there is none (GPU: TorchScript is traced by the runtime's own torch)
   */
  public record Accelerator(String kind, String name, Integer count, Long memoryBytes, String driver,
      String runtime, String compiler) {

    /** Without runtime and compiler (the device alone, or a record written before they were recorded). */
    public Accelerator(String kind, String name, Integer count, Long memoryBytes, String driver) {
      this(kind, name, count, memoryBytes, driver, null, null);
    }
  }
}
