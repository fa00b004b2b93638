package dev.archbench.harness.fingerprint.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImdsClientTest {
  @Test
  void fetchesTokenFirstThenMetadataWithIt() throws Exception {
    try (ImdsStub stub = new ImdsStub(ImdsStub.c7gSpot())) {
      // Generous timeout: a cold JVM's first exchange on a loaded machine may exceed one second.
      ImdsClient imds = new ImdsClient(URI.create(stub.endpoint()), Duration.ofSeconds(10));
      assertThat(imds.metadata("instance-type")).contains("c7g.xlarge");
      assertThat(imds.metadata("instance-life-cycle")).contains("spot");
      assertThat(imds.metadata("spot/instance-action")).isEmpty();
      assertThat(stub.requests()).containsExactly(
          "PUT /latest/api/token",
          "GET /latest/meta-data/instance-type [token]",
          "GET /latest/meta-data/instance-life-cycle [token]",
          "GET /latest/meta-data/spot/instance-action [token]");
    }
  }

  @Test
  void usedOnlyWhenDmiSaysEc2OrAnEndpointIsConfigured() {
    assertThat(ImdsClient.forHost(Map.of(), false)).isEmpty();
    assertThat(ImdsClient.forHost(Map.of(), true)).isPresent();
    assertThat(ImdsClient.forHost(Map.of(ImdsClient.ENDPOINT_ENV, "http://127.0.0.1:9"), false)).isPresent();
    assertThat(ImdsClient.forHost(Map.of(ImdsClient.ENDPOINT_ENV, "http://127.0.0.1:9",
        ImdsClient.DISABLED_ENV, "true"), true)).isEmpty();
  }

  @Test
  void unreachableServiceGivesEmptyAnswersAfterABoundedNumberOfAttempts() {
    // Port 9 (discard) on loopback: connection refused at once.
    ImdsClient imds = new ImdsClient(URI.create("http://127.0.0.1:9"), Duration.ofMillis(300));
    assertThat(imds.metadata("instance-type")).isEmpty();
    assertThat(imds.metadata("placement/region")).isEmpty();
  }
}
