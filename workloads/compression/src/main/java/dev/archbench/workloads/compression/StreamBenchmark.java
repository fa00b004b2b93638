package dev.archbench.workloads.compression;

import dev.archbench.workloads.compression.codec.Codecs;
import dev.archbench.workloads.compression.corpus.Corpora;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-file streaming through the libraries' stream APIs (GZIPOutputStream, ZstdOutputStream,
 * XZOutputStream and their input streams), as log shippers and HTTP servers use them. Same unit
 * as {@link BlockBenchmark}: 1 MiB of uncompressed data per invocation, counted in bytes, per
 * microsecond = MB/s (10^6 bytes). See {@link StreamWorkspace} for how file ends are handled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StreamBenchmark {
  @Param({"gzip"})
  public String codec;

  @Param({"6"})
  public String level;

  @Param({"json-logs"})
  public String corpus;

  private StreamWorkspace workspace;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    workspace = new StreamWorkspace(Codecs.stream(codec, level), Corpora.get(corpus));
    Notes.report(workspace.codec().id() + "-stream", workspace.codec().implementation(),
        workspace.corpus(), workspace.corpus().size(), workspace.ratio());
  }

  @Benchmark
  @OperationsPerInvocation(BlockWorkspace.WINDOW_BYTES)
  public long compress() throws IOException {
    return workspace.compressWindow();
  }

  @Benchmark
  @OperationsPerInvocation(BlockWorkspace.WINDOW_BYTES)
  public int decompress() throws IOException {
    return workspace.decompressWindow();
  }
}
