package dev.archbench.harness.cli;

import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.fingerprint.HostTable;
import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench sysinfo}: the host fingerprint that goes into every run record. */
@Command(
    name = "sysinfo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows this host's hardware and software fingerprint: CPU and microarchitecture, caches, memory,",
      "OS, container limits, JVM, EC2 placement, the platform (EC2 instance, ECS task on Fargate or EC2,",
      "Kubernetes pod, Lambda function) and its size, and accelerators. Unknown values show as 'unknown'",
      "(null in JSON). The EC2 metadata service is asked only when DMI says EC2 or",
      "AWS_EC2_METADATA_SERVICE_ENDPOINT is set (AWS_EC2_METADATA_DISABLED=true or --no-imds turns it off);",
      "the ECS task metadata endpoint only when ECS_CONTAINER_METADATA_URI_V4 is set."
    })
public final class SysinfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the host object of the run record as JSON.")
  boolean json;

  @Option(names = "--sysfs", paramLabel = "DIR", description = "sysfs root (default: /sys), e.g. a host's /sys mounted into a container.")
  Path sysfs = Path.of("/sys");

  @Option(names = "--procfs", paramLabel = "DIR", description = "procfs root (default: /proc).")
  Path procfs = Path.of("/proc");

  @Option(names = "--devfs", paramLabel = "DIR", description = "devfs root (default: /dev).")
  Path devfs = Path.of("/dev");

  @Option(names = "--etc", paramLabel = "DIR", description = "Directory holding os-release (default: /etc).")
  Path etc = Path.of("/etc");

  @Option(names = "--no-imds", description = "Never contact the EC2 instance metadata service (use DMI only).")
  boolean noImds;

  @Override
  public Integer call() {
    requireDirectory("--sysfs", sysfs);
    requireDirectory("--procfs", procfs);
    requireDirectory("--devfs", devfs);
    requireDirectory("--etc", etc);
    Map<String, String> env = new HashMap<>(System.getenv());
    if (noImds) {
      // Same effect as the AWS SDKs' switch; the variable is not on the recorded allowlist.
      env.put(ImdsClient.DISABLED_ENV, "true");
    }
    Host host = Fingerprinter.collect(new HostRoots(sysfs, procfs, devfs, etc), Map.copyOf(env),
        CloudSource.DEFAULT_CONNECTOR);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Json.write(host) : HostTable.render(host));
    out.flush();
    return ExitCodes.OK;
  }

  /** A root that does not exist is a typo, not a host without files: one line and exit 1. */
  private static void requireDirectory(String option, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserException(option + " " + dir + ": not a directory");
    }
  }
}
