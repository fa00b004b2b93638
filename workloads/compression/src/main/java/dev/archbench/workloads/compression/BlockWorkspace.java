package dev.archbench.workloads.compression;

import dev.archbench.workloads.compression.codec.BlockCodec;
import dev.archbench.workloads.compression.corpus.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Everything one benchmark thread needs to compress a corpus block by block: the corpus cut into
 * blocks in the codec's preferred buffers, every block compressed and verified once up front, and
 * reusable output buffers. The timed methods process one {@link #WINDOW_BYTES} window of
 * consecutive blocks (cycling through the corpus) and allocate nothing themselves.
 *
 * <p>A corpus whose size is not a multiple of the block size has its tail left out (it would be a
 * smaller block); {@link #measuredBytes()} says how much is used.
 */
public final class BlockWorkspace implements AutoCloseable {
  /**
   * Bytes of uncompressed data per benchmark operation: 1 MiB, a multiple of every block size, so
   * JMH's {@code @OperationsPerInvocation} can count bytes.
   */
  public static final int WINDOW_BYTES = 1 << 20;

  private final BlockCodec codec;
  private final Corpus corpus;
  private final int blockSize;
  private final int blocks;
  private final int blocksPerWindow;
  private final ByteBuffer input;
  private final ByteBuffer compressed;
  private final int[] compressedOffset;
  private final int[] compressedLength;
  private final ByteBuffer compressOut;
  private final ByteBuffer decompressOut;
  private final long compressedTotal;
  private int next;

  /**
   * Prepares and verifies; throws {@link IllegalStateException} if any block does not round-trip
   * and {@link IllegalArgumentException} for a block size or corpus that cannot be used.
   *
   * @param startBlock where this thread starts cycling, so threads are not in lockstep
   */
  public BlockWorkspace(BlockCodec codec, Corpus corpus, int blockSize, int startBlock)
      throws IOException {
    if (blockSize <= 0 || WINDOW_BYTES % blockSize != 0) {
      throw new IllegalArgumentException("block size must divide 1 MiB (e.g. 4096, 65536, "
          + "1048576): " + blockSize);
    }
    this.codec = codec;
    this.corpus = corpus;
    this.blockSize = blockSize;
    this.blocks = corpus.size() / blockSize;
    if (blocks == 0) {
      throw new IllegalArgumentException("corpus " + corpus.name() + " has " + corpus.size()
          + " bytes, less than one block of " + blockSize);
    }
    this.blocksPerWindow = WINDOW_BYTES / blockSize;
    this.input = allocate(blocks * blockSize);
    input.put(corpus.data(), 0, blocks * blockSize).clear();
    int bound = codec.maxCompressedLength(blockSize);
    this.compressOut = allocate(bound);
    this.decompressOut = allocate(blockSize);
    this.compressedOffset = new int[blocks];
    this.compressedLength = new int[blocks];

    ByteBuffer packed = allocate(Math.multiplyExact(blocks, bound));
    long total = 0;
    for (int b = 0; b < blocks; b++) {
      int n = codec.compress(input, b * blockSize, blockSize, packed, (int) total, bound);
      compressedOffset[b] = (int) total;
      compressedLength[b] = n;
      total += n;
    }
    this.compressedTotal = total;
    this.compressed = allocate((int) total);
    compressed.put(BlockCodec.window(packed, 0, (int) total)).clear();
    verifyRoundTrip();
    this.next = Math.floorMod(startBlock, blocks);
  }

  private ByteBuffer allocate(int size) {
    return codec.direct() ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
  }

  private void verifyRoundTrip() throws IOException {
    for (int b = 0; b < blocks; b++) {
      int n = codec.decompress(compressed, compressedOffset[b], compressedLength[b],
          decompressOut, 0, blockSize);
      ByteBuffer original = BlockCodec.window(input, b * blockSize, blockSize);
      ByteBuffer decoded = BlockCodec.window(decompressOut, 0, n);
      if (n != blockSize || original.mismatch(decoded) != -1) {
        throw new IllegalStateException(codec.id() + " round trip failed on " + corpus.name()
            + " block " + b + " of " + blockSize + " bytes (decoded " + n + " bytes)");
      }
      // The timed compression must produce what was verified.
      int again = codec.compress(input, b * blockSize, blockSize, compressOut, 0,
          compressOut.capacity());
      if (again != compressedLength[b]) {
        throw new IllegalStateException(codec.id() + " is not deterministic on " + corpus.name()
            + " block " + b + ": " + compressedLength[b] + " vs " + again + " bytes");
      }
    }
  }

  /** Compresses the next window of blocks; returns the compressed bytes (consumed by JMH). */
  public int compressWindow() throws IOException {
    int out = 0;
    for (int i = 0; i < blocksPerWindow; i++) {
      int b = nextBlock();
      out += codec.compress(input, b * blockSize, blockSize, compressOut, 0,
          compressOut.capacity());
    }
    return out;
  }

  /** Decompresses the next window of blocks; returns the bytes produced. */
  public int decompressWindow() throws IOException {
    int out = 0;
    for (int i = 0; i < blocksPerWindow; i++) {
      int b = nextBlock();
      int n = codec.decompress(compressed, compressedOffset[b], compressedLength[b],
          decompressOut, 0, blockSize);
      if (n != blockSize) {
        throw new IllegalStateException(codec.id() + " decoded " + n + " of " + blockSize);
      }
      out += n;
    }
    return out;
  }

  private int nextBlock() {
    int b = next;
    next = b + 1 == blocks ? 0 : b + 1;
    return b;
  }

  /** Uncompressed / compressed size over the measured part of the corpus. */
  public double ratio() {
    return (double) measuredBytes() / compressedTotal;
  }

  public long measuredBytes() {
    return (long) blocks * blockSize;
  }

  public BlockCodec codec() {
    return codec;
  }

  public Corpus corpus() {
    return corpus;
  }

  @Override
  public void close() {
    codec.close();
  }
}
