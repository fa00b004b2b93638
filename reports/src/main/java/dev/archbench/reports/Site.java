package dev.archbench.reports;

import static dev.archbench.reports.format.Fmt.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.random.SplitMix64;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.reports.format.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A static site for GitHub Pages or S3: {@code index.html} lists every report in the directory,
 * {@code reports/<id>/} holds each report in every format, {@code records/<run id>.json} the raw
 * records. A report's id is a hash of its run ids, so publishing the same records again replaces
 * their report instead of adding a copy; the index is rebuilt from what is there.
 */
public final class Site {
  private Site() {}

  /** Adds the report to the site and rebuilds the index; returns the report's directory. */
  public static Path publish(Path site, Analysis analysis, List<LoadedRecord> records, Set<ReportFormat.Type> types) {
    TreeSet<String> ids = new TreeSet<>();
    records.forEach(r -> ids.add(r.record().run().id()));
    String id = "r-" + Long.toHexString(SplitMix64.seedOf(String.join(",", ids)) & 0xffffffffffL);
    Path dir = site.resolve("reports").resolve(id);
    Set<ReportFormat.Type> all = new TreeSet<>(types);
    all.add(ReportFormat.Type.HTML);
    all.add(ReportFormat.Type.JSON);
    Reports.write(analysis, dir, all);
    for (LoadedRecord r : records) {
      RecordFiles.writeAtomically(site.resolve("records").resolve(r.record().run().id() + ".json"), Json.write(r.record()));
    }
    RecordFiles.writeAtomically(site.resolve("index.html"), index(site));
    return dir;
  }

  static String index(Path site) {
    List<String[]> rows = new ArrayList<>();
    Path reports = site.resolve("reports");
    if (Files.isDirectory(reports)) {
      try (Stream<Path> s = Files.list(reports)) {
        for (Path d : s.sorted().toList()) {
          Path json = d.resolve(ReportFormat.Type.JSON.fileName());
          if (!Files.isRegularFile(json)) {
            continue;
          }
          JsonNode a = Json.mapper().readTree(json.toFile()).path("analysis");
          List<String> hosts = new ArrayList<>();
          a.path("hosts").forEach(h -> hosts.add(h.path("key").asText()));
          rows.add(new String[] {d.getFileName().toString(), a.path("title").asText(),
              String.join(", ", hosts), Integer.toString(a.path("benchmarks").size())});
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    int records = 0;
    Path rec = site.resolve("records");
    if (Files.isDirectory(rec)) {
      try (Stream<Path> s = Files.list(rec)) {
        records = (int) s.filter(p -> p.toString().endsWith(".json")).count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>archbench reports</title>\n<style>body{font:15px/1.45 system-ui,sans-serif;max-width:960px;"
            + "margin:0 auto;padding:16px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;"
            + "padding:.3em .5em;text-align:left}.scroll{overflow-x:auto}</style>\n</head>\n<body>\n")
        .append("<h1>archbench reports</h1>\n<div class=\"scroll\"><table><thead><tr><th>Report</th><th>Hosts</th>"
            + "<th>Benchmarks</th><th>Formats</th></tr></thead><tbody>\n");
    for (String[] r : rows) {
      String base = "reports/" + html(r[0]) + "/";
      sb.append("<tr><td><a href=\"").append(base).append("report.html\">").append(html(r[1])).append("</a></td><td>")
          .append(html(r[2])).append("</td><td>").append(r[3]).append("</td><td>");
      List<String> links = new ArrayList<>();
      for (ReportFormat.Type t : ReportFormat.Type.values()) {
        if (Files.isRegularFile(site.resolve("reports").resolve(r[0]).resolve(t.fileName()))) {
          links.add("<a href=\"" + base + t.fileName() + "\">" + t.id() + "</a>");
        }
      }
      sb.append(String.join(" ", links)).append("</td></tr>\n");
    }
    sb.append("</tbody></table></div>\n<p>").append(records)
        .append(" raw run records in <a href=\"records/\">records/</a>.</p>\n</body>\n</html>\n");
    return sb.toString();
  }
}
