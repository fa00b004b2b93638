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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Block compression and decompression throughput: independent blocks of 4 KiB (RPC payloads,
 * pages), 64 KiB (Kafka batches, HTTP bodies) or 1 MiB (storage chunks), each thread with its own
 * codec contexts and buffers ({@code --threads} makes independent streams per thread).
 *
 * <p><b>Unit.</b> One invocation processes exactly 1 MiB of uncompressed data and declares
 * 1,048,576 operations, so JMH counts bytes; reported per microsecond, bytes/µs is numerically
 * MB/s with 1 MB = 10^6 bytes, the unit of {@code zstd -b} and {@code lz4 -b}.
 *
 * <p><b>Pitfalls.</b> Every block is round-tripped and compared in setup (a mismatch fails the
 * benchmark), never in the timed part. Native codecs use direct buffers and reused contexts so
 * the JNI boundary costs no copies; the pure-Java xz uses heap arrays. Corpora are 4 MiB, so at
 * 1 MiB blocks the working set may fit a large L3 on big servers, as it does for the CLIs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BlockBenchmark {
  @Param({"zstd"})
  public String codec;

  @Param({"3"})
  public String level;

  @Param({"65536"})
  public int blockSize;

  @Param({"json-logs"})
  public String corpus;

  private BlockWorkspace workspace;

  @Setup(Level.Trial)
  public void setUp(ThreadParams thread) throws IOException {
    workspace = new BlockWorkspace(Codecs.block(codec, level), Corpora.get(corpus), blockSize,
        thread.getThreadIndex() * 7919);
    Notes.report(workspace.codec().id(), workspace.codec().implementation(), workspace.corpus(),
        workspace.measuredBytes(), workspace.ratio());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workspace.close();
  }

  @Benchmark
  @OperationsPerInvocation(BlockWorkspace.WINDOW_BYTES)
  public int compress() throws IOException {
    return workspace.compressWindow();
  }

  @Benchmark
  @OperationsPerInvocation(BlockWorkspace.WINDOW_BYTES)
  public int decompress() throws IOException {
    return workspace.decompressWindow();
  }
}
