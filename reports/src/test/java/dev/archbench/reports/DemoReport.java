package dev.archbench.reports;

import dev.archbench.record.RecordFiles;
import java.nio.file.Path;

/**
 * Writes the fixture records (c7g/c7i/c7a stand-ins) as record files into a directory, for the
 * README's demo and screenshot: {@code java ... dev.archbench.reports.DemoReport DIR [REPORT_DIR]}.
 */
public final class DemoReport {
  private DemoReport() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/demo-records");
    for (LoadedRecord r : Fixtures.real()) {
      RecordFiles.replace(dir.resolve(Path.of(r.file()).getFileName()), r.record());
    }
    System.out.println(dir);
    if (args.length > 1) {
      Analysis a = Reports.analyze(java.util.List.of(dir), ReportOptions.defaults().withBaseline("c7i.xlarge")
          .withTargetLoads(java.util.List.of(TargetLoad.parse("web:json=250000rps@p99<10ms"), TargetLoad.parse("inference:mlp=100k ips@p99<100ms"))));
      Reports.write(a, Path.of(args[1]), java.util.EnumSet.allOf(dev.archbench.reports.format.ReportFormat.Type.class))
          .forEach(System.out::println);
    }
  }
}
