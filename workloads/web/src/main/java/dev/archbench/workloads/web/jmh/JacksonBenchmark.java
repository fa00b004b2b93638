package dev.archbench.workloads.web.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archbench.workloads.web.api.OrderPricing;
import dev.archbench.workloads.web.api.OrderRequest;
import dev.archbench.workloads.web.api.PricedLine;
import dev.archbench.workloads.web.api.SampleOrders;
import dev.archbench.workloads.web.api.WebJson;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Jackson on the order payload of {@code /api/orders}: parsing the 3.2 KB request into records and
 * writing the 4.5 KB priced answer. JSON mapping is a large share of a Java service's CPU; it is
 * branchy, allocation-heavy byte processing, where cores differ in branch prediction and memory
 * bandwidth. Validated in setup: a round trip gives back the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JacksonBenchmark {
  private ObjectMapper mapper;
  private byte[] requestBytes;
  private List<PricedLine> answer;

  @Setup
  public void setup() throws Exception {
    mapper = WebJson.mapper();
    requestBytes = SampleOrders.standardBytes();
    OrderRequest parsed = mapper.readValue(requestBytes, OrderRequest.class);
    if (!parsed.equals(SampleOrders.standard())) {
      throw new IllegalStateException("order does not survive a JSON round trip");
    }
    answer = OrderPricing.price(parsed);
  }

  @Benchmark
  public OrderRequest deserialize() throws Exception {
    return mapper.readValue(requestBytes, OrderRequest.class);
  }

  @Benchmark
  public byte[] serialize() throws Exception {
    return mapper.writeValueAsBytes(answer);
  }
}
