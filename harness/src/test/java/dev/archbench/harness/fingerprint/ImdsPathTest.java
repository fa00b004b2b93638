package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.harness.fingerprint.ec2.ImdsStub;
import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.PlatformSource;
import dev.archbench.record.Host;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * When the fingerprint talks to IMDS, and what it does with the answers. Every connection goes to a
 * real IMDSv2 stub on loopback; a counting connector proves when none is opened at all.
 */
class ImdsPathTest {
  /**
   * Opens clients to the endpoint asked for, with a generous timeout: on a loaded CI machine the
   * first exchange of a cold JVM can exceed IMDS's one second, and a retry would add a request.
   */
  static final CloudSource.ImdsConnector PATIENT = uri -> new ImdsClient(uri, Duration.ofSeconds(10));

  /** Opens clients only to the given loopback stub, recording which endpoint the fingerprint asked for. */
  static final class CountingConnector implements CloudSource.ImdsConnector {
    final List<URI> asked = new ArrayList<>();
    private final String stubEndpoint;

    CountingConnector(String stubEndpoint) {
      this.stubEndpoint = stubEndpoint;
    }

    @Override
    public ImdsClient apply(URI uri) {
      asked.add(uri);
      return new ImdsClient(URI.create(stubEndpoint), Duration.ofSeconds(10));
    }
  }

  @Test
  void configuredEndpointIsAskedTokenFirstThenEveryFieldAndWins() throws Exception {
    try (ImdsStub stub = new ImdsStub(ImdsStub.c7gSpot())) {
      Host h = Fingerprinter.collect(Fixtures.roots("c7g.xlarge"),
          Map.of(ImdsClient.ENDPOINT_ENV, stub.endpoint()), PATIENT);
      assertThat(h.cloud()).isEqualTo(new Host.Cloud("aws", "c7g.xlarge", "us-east-1", "us-east-1b", "spot",
          "ami-0123456789abcdef0", "imds", "i-0123456789abcdef0"));
      assertThat(stub.requests()).containsExactly(
          "PUT /latest/api/token",
          "GET /latest/meta-data/instance-type [token]",
          "GET /latest/meta-data/instance-life-cycle [token]",
          "GET /latest/meta-data/placement/region [token]",
          "GET /latest/meta-data/placement/availability-zone [token]",
          "GET /latest/meta-data/ami-id [token]",
          "GET /latest/meta-data/instance-id [token]");
    }
  }

  @Test
  void xenEraInstanceGetsItsTypeOnlyFromImds() throws Exception {
    try (ImdsStub stub = new ImdsStub(Map.of("instance-type", "m4.large", "instance-life-cycle", "on-demand",
        "placement/region", "eu-west-1", "placement/availability-zone", "eu-west-1a"))) {
      CountingConnector connector = new CountingConnector(stub.endpoint());
      Host h = Fingerprinter.collect(Fixtures.roots("m4.large"), Map.of(), connector);
      // DMI said EC2 (Xen + amazon BIOS), so the fingerprint went for the real metadata address.
      assertThat(connector.asked).containsExactly(URI.create("http://169.254.169.254/"));
      assertThat(h.cloud()).isEqualTo(new Host.Cloud("aws", "m4.large", "eu-west-1", "eu-west-1a", "on-demand",
          null, "imds"));
    }
  }

  @Test
  void silentIMDSFallsBackToDmi() throws Exception {
    try (ImdsStub stub = new ImdsStub(Map.of())) { // answers 404 to everything
      CountingConnector connector = new CountingConnector(stub.endpoint());
      Host h = Fingerprinter.collect(Fixtures.roots("c7i.xlarge"), Map.of(), connector);
      assertThat(connector.asked).hasSize(1);
      assertThat(h.cloud()).isEqualTo(new Host.Cloud("aws", "c7i.xlarge", null, null, null, null, "dmi"));
    }
  }

  @Test
  void unreachableImdsFallsBackToDmiAfterBoundedAttempts() {
    // Port 9 on loopback refuses at once: three failed attempts, then the DMI answer.
    CountingConnector connector = new CountingConnector("http://127.0.0.1:9");
    Host h = Fingerprinter.collect(Fixtures.roots("c7a.xlarge"), Map.of(), connector);
    assertThat(h.cloud()).isEqualTo(new Host.Cloud("aws", "c7a.xlarge", null, null, null, null, "dmi"));
  }

  @Test
  void strangeAnswersAreNotRecorded() throws Exception {
    try (ImdsStub stub = new ImdsStub(Map.of("instance-type", "c7g.xlarge", "instance-life-cycle", "scheduled",
        "placement/region", "<script>", "ami-id", "ami-" + "f".repeat(100), "instance-id", "i-; rm -rf /"))) {
      Host h = Fingerprinter.collect(Fixtures.roots("c7g.xlarge"),
          Map.of(ImdsClient.ENDPOINT_ENV, stub.endpoint()), PATIENT);
      assertThat(h.cloud()).isEqualTo(new Host.Cloud("aws", "c7g.xlarge", null, null, null, null, "imds"));
    }
  }

  @Test
  void noEc2DmiAndNoEndpointMeansNoConnectionIsEverOpened() throws Exception {
    try (ImdsStub stub = new ImdsStub(ImdsStub.c7gSpot())) {
      CountingConnector connector = new CountingConnector(stub.endpoint());
      Host laptop = Fingerprinter.collect(Fixtures.roots("laptop"), Map.of("JAVA_HOME", "/opt/jdk"), connector);
      assertThat(connector.asked).isEmpty();
      assertThat(stub.requests()).isEmpty();
      assertThat(laptop.cloud()).isEqualTo(Host.Cloud.NONE);
    }
  }

  @Test
  void disabledMeansNoConnectionEvenOnEc2() throws Exception {
    try (ImdsStub stub = new ImdsStub(ImdsStub.c7gSpot())) {
      CountingConnector connector = new CountingConnector(stub.endpoint());
      Host h = Fingerprinter.collect(Fixtures.roots("c7g.xlarge"),
          Map.of(ImdsClient.DISABLED_ENV, "true", ImdsClient.ENDPOINT_ENV, stub.endpoint()), connector);
      assertThat(connector.asked).isEmpty();
      assertThat(stub.requests()).isEmpty();
      assertThat(h.cloud().source()).isEqualTo("dmi");
    }
  }

  /**
   * The claim "IMDS is the only network path" holds by construction: in the fingerprint and the
   * sysinfo command, only {@link ImdsClient} touches networking classes, and only
   * {@link CloudSource} creates ImdsClients (through the connector that the tests above count).
   */
  @Test
  void theMetadataClientsAreTheOnlyNetworkCodeInTheFingerprint() throws IOException {
    Path main = Path.of("src/main/java/dev/archbench/harness");
    Pattern network = Pattern.compile(
        "java\\.net\\.(http|Socket|URL|InetAddress|DatagramSocket|ServerSocket)|java\\.nio\\.channels|openConnection|HttpClient");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> s = Files.walk(main.resolve("fingerprint"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
    }
    sources.add(main.resolve("cli/SysinfoCommand.java"));
    assertThat(sources).hasSizeGreaterThan(10);
    List<String> networking = new ArrayList<>();
    List<String> creatingClients = new ArrayList<>();
    List<String> creatingEcsClients = new ArrayList<>();
    for (Path p : sources) {
      String text = Files.readString(p);
      if (network.matcher(text).find()) {
        networking.add(p.getFileName().toString());
      }
      if (text.contains("new ImdsClient(") && !p.endsWith("ImdsClient.java")) {
        creatingClients.add(p.getFileName().toString());
      }
      if (text.contains("new EcsMetadataClient(") && !p.endsWith("EcsMetadataClient.java")) {
        creatingEcsClients.add(p.getFileName().toString());
      }
    }
    assertThat(networking).containsExactlyInAnyOrder("ImdsClient.java", "EcsMetadataClient.java");
    assertThat(creatingClients).containsExactly("CloudSource.java");
    assertThat(creatingEcsClients).containsExactly("PlatformSource.java");
  }

  @Test
  void endpointDecision() {
    assertThat(ImdsClient.endpointFor(Map.of(), false)).isEmpty();
    assertThat(ImdsClient.endpointFor(Map.of(), true)).contains(URI.create("http://169.254.169.254/"));
    assertThat(ImdsClient.endpointFor(Map.of(ImdsClient.ENDPOINT_ENV, "http://127.0.0.1:1234"), false))
        .contains(URI.create("http://127.0.0.1:1234"));
    assertThat(ImdsClient.endpointFor(Map.of(ImdsClient.ENDPOINT_ENV, "http://[bad"), true)).isEmpty();
    assertThat(ImdsClient.endpointFor(Map.of(ImdsClient.DISABLED_ENV, "TRUE"), true)).isEmpty();
  }
}
