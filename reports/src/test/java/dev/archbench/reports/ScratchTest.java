package dev.archbench.reports;

import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void dump() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.threeInstanceTypes());
    recs.addAll(Fixtures.offCloudAndNoisy());
    recs.add(Fixtures.hostile());
    Analysis a = Reports.analyze(recs, List.of(), ReportOptions.defaults().withBaseline("c7i.xlarge")
        .withPrices(List.of(ManualPrice.parse("laptop=0.05")))
        .withTargetLoads(List.of(TargetLoad.parse("web:/json=50000rps@p99<20ms"))));
    Reports.write(a, Path.of("target/scratch"), EnumSet.allOf(ReportFormat.Type.class));
  }
}
