package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Host;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostTableTest {
  @Test
  void offCloudBareMetalSaysSoInsteadOfUnknown() {
    String table = HostTable.render(Fixtures.collect("laptop"));
    assertThat(table).contains(
        "  Virtualization      none detected\n",
        "  Provider            none detected\n",
        "  Devices             none\n",
        "  Max frequency       4.80 GHz\n",
        "  Topology            1 socket, 4 cores, 8 logical CPUs (2 per core), 1 NUMA node\n");
  }

  @Test
  void unknownValuesAndEnvironmentRows() {
    Host h = Fixtures.collect("m4.large");
    Host withEnv = new Host(h.arch(), h.id(), h.cpu(), h.memory(), h.os(), h.container(), h.virtualization(),
        h.jvm(), h.cloud(), h.accelerators(),
        Secrets.environment(Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_TRIM_THRESHOLD_", "131072")));
    String table = HostTable.render(withEnv);
    assertThat(table).contains(
        "  Provider            aws (from dmi)\n",
        "  Instance type       unknown\n",
        "  Variables           MALLOC_ARENA_MAX=2\n",
        "                      MALLOC_TRIM_THRESHOLD_=131072\n",
        "  Container\n".substring(2));
    assertThat(table).doesNotContain("null");
  }

  @Test
  void binaryUnits() {
    assertThat(HostTable.bytes(48L * 1024)).isEqualTo("48 KiB");
    assertThat(HostTable.bytes(1280L * 1024)).isEqualTo("1.3 MiB");
    assertThat(HostTable.bytes(7925044L * 1024)).isEqualTo("7.6 GiB");
    assertThat(HostTable.bytes(null)).isEqualTo("unknown");
  }
}
