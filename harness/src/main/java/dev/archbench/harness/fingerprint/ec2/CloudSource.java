package dev.archbench.harness.fingerprint.ec2;

import dev.archbench.record.Host;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2 placement: DMI first (offline), then IMDSv2 when {@link ImdsClient#endpointFor} allows it.
 * IMDS answers replace the DMI ones ({@code source = imds}); when IMDS is off, unreachable or says
 * nothing, the DMI answer stands ({@code source = dmi}) without a word. Answers are validated, so a
 * strange endpoint cannot put arbitrary text into a record.
 */
public final class CloudSource {
  /** Opens an IMDS client for an endpoint; tests count calls to prove when none happens. */
  public interface ImdsConnector extends Function<URI, ImdsClient> {}

  public static final ImdsConnector DEFAULT_CONNECTOR = uri -> new ImdsClient(uri, Duration.ofSeconds(1));

  /** An AWS region ({@code eu-west-1}) and zone ({@code eu-west-1a}), whoever names them (IMDS, ECS, Lambda). */
  public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+");
  public static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+[a-z]+");

  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
  private static final Pattern AMI = Pattern.compile("ami-[0-9a-f]{8,32}");
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

  private CloudSource() {}

  public static Host.Cloud read(Dmi dmi, Map<String, String> env, ImdsConnector connector) {
    Host.Cloud fromDmi = dmi.isEc2()
        ? new Host.Cloud("aws", dmi.instanceType(), null, null, null, null, "dmi")
        : Host.Cloud.NONE;
    Optional<URI> endpoint = ImdsClient.endpointFor(env, dmi.isEc2());
    if (endpoint.isEmpty()) {
      return fromDmi;
    }
    ImdsClient imds = connector.apply(endpoint.get());
    String type = valid(imds.metadata("instance-type"), INSTANCE_TYPE);
    if (type == null) {
      return fromDmi; // no usable answer: IMDS off, blocked or not EC2
    }
    String lifecycle = imds.metadata("instance-life-cycle").map(CloudSource::lifecycle).orElse(null);
    return new Host.Cloud("aws", type,
        valid(imds.metadata("placement/region"), REGION),
        valid(imds.metadata("placement/availability-zone"), ZONE),
        lifecycle,
        valid(imds.metadata("ami-id"), AMI),
        "imds",
        valid(imds.metadata("instance-id"), INSTANCE_ID));
  }

  /** IMDS says {@code on-demand}, {@code spot} (or historically {@code scheduled}, which we do not record). */
  static String lifecycle(String value) {
    return switch (value.strip()) {
      case "spot" -> "spot";
      case "on-demand" -> "on-demand";
      default -> null;
    };
  }

  private static String valid(Optional<String> value, Pattern pattern) {
    return value.map(String::strip).filter(v -> v.length() <= 64 && pattern.matcher(v).matches()).orElse(null);
  }
}
