package dev.archbench.workloads.web.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.web.api.OrderRequest;
import dev.archbench.workloads.web.api.SampleOrders;
import org.junit.jupiter.api.Test;

/** The benchmarks' setups validate what they measure; one call of each method does real work. */
class JmhSetupTest {
  @Test
  void jackson() throws Exception {
    JacksonBenchmark b = new JacksonBenchmark();
    b.setup();
    OrderRequest o = b.deserialize();
    assertThat(o).isEqualTo(SampleOrders.standard());
    assertThat(new String(b.serialize(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("[{\"sku\":");
  }

  @Test
  void crypto() throws Exception {
    CryptoBenchmark b = new CryptoBenchmark();
    b.size = 1024;
    b.setup();
    assertThat(b.aesGcmEncrypt()).hasSize(1024 + 16);
    assertThat(b.aesGcmDecrypt()).hasSize(1024);
    assertThat(b.sha256()).hasSize(32);
    assertThat(CryptoBenchmark.intrinsics()).contains("UseAES=").doesNotContain("=,");
  }

  @Test
  void httpPath() {
    for (String r : new String[] {"get-json", "post-orders", "post-orders-gzip"}) {
      HttpPathBenchmark b = new HttpPathBenchmark();
      b.request = r;
      b.setup();
      // A benchmark calls these millions of times: far past any per-connection request limit.
      for (int i = 0; i < 1000; i++) {
        assertThat(b.decode()).isNotNull();
        assertThat(b.handle()).as(r).isGreaterThan(100);
      }
      b.tearDown();
    }
  }
}
