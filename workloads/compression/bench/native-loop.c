/*
 * The reference loop of compare-cli.sh: calls a native zstd or lz4 library directly from C, the
 * way archbench's BlockBenchmark calls it through JNI, so the two can be compared with the same
 * library code. The library is loaded with dlopen: Debian's libzstd/liblz4 (the code the CLIs run)
 * or the very library file that zstd-jni or lz4-java ship.
 *
 * Usage: native-loop LIBRARY zstd|lz4 LEVEL FILE [SECONDS_PER_RUN] [RUNS]
 * Cuts FILE into 1 MiB blocks (the tail that does not fill a block is left out, as archbench does),
 * compresses each once, then times compression and decompression of the blocks in turn, each for
 * RUNS runs of SECONDS_PER_RUN after one warm-up run. Prints, per operation:
 *   native <codec> <level> <compress|decompress> <best MB/s> <mean MB/s>
 * with 1 MB = 10^6 bytes of uncompressed data. Every decompression is checked for its length and
 * the first one of each block for its bytes.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCK (1 << 20)

typedef void *(*new_ctx_fn)(void);
typedef size_t (*zstd_set_fn)(void *, int, int);
typedef size_t (*zstd_compress2_fn)(void *, void *, size_t, const void *, size_t);
typedef size_t (*zstd_decompress_fn)(void *, void *, size_t, const void *, size_t);
typedef int (*lz4_compress_fn)(const char *, char *, int, int);
typedef int (*lz4_decompress_fn)(const char *, char *, int, int);

static void *sym(void *lib, const char *name) {
  void *p = dlsym(lib, name);
  if (p == NULL) {
    fprintf(stderr, "native-loop: %s not found in the library\n", name);
    exit(1);
  }
  return p;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: native-loop LIBRARY zstd|lz4 LEVEL FILE [SECONDS_PER_RUN] [RUNS]\n");
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (lib == NULL) {
    fprintf(stderr, "native-loop: %s\n", dlerror());
    return 1;
  }
  int zstd = strcmp(argv[2], "zstd") == 0;
  int level = atoi(argv[3]);
  double seconds = argc > 5 ? atof(argv[5]) : 1.0;
  int runs = argc > 6 ? atoi(argv[6]) : 5;

  FILE *f = fopen(argv[4], "rb");
  if (f == NULL) {
    perror(argv[4]);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  int blocks = (int) (size / BLOCK);
  if (blocks == 0) {
    fprintf(stderr, "native-loop: %s is smaller than one block of %d bytes\n", argv[4], BLOCK);
    return 1;
  }
  char *in = malloc((size_t) blocks * BLOCK);
  if (fread(in, 1, (size_t) blocks * BLOCK, f) != (size_t) blocks * BLOCK) {
    fprintf(stderr, "native-loop: cannot read %s\n", argv[4]);
    return 1;
  }
  fclose(f);

  size_t cap = BLOCK + BLOCK / 64 + 4096; /* above both codecs' bound for 1 MiB */
  char *packed = malloc(cap * (size_t) blocks);
  size_t *packed_len = malloc(sizeof(size_t) * (size_t) blocks);
  char *out = malloc(cap);
  char *decoded = malloc(BLOCK);

  void *cctx = NULL, *dctx = NULL;
  zstd_compress2_fn zstd_compress = NULL;
  zstd_decompress_fn zstd_decompress = NULL;
  lz4_compress_fn lz4_compress = NULL;
  lz4_decompress_fn lz4_decompress = NULL;
  if (zstd) {
    cctx = ((new_ctx_fn) sym(lib, "ZSTD_createCCtx"))();
    dctx = ((new_ctx_fn) sym(lib, "ZSTD_createDCtx"))();
    ((zstd_set_fn) sym(lib, "ZSTD_CCtx_setParameter"))(cctx, 100 /* ZSTD_c_compressionLevel */, level);
    zstd_compress = (zstd_compress2_fn) sym(lib, "ZSTD_compress2"); /* what zstd-jni calls */
    zstd_decompress = (zstd_decompress_fn) sym(lib, "ZSTD_decompressDCtx");
  } else {
    lz4_compress = (lz4_compress_fn) sym(lib, "LZ4_compress_default");
    lz4_decompress = (lz4_decompress_fn) sym(lib, "LZ4_decompress_safe");
  }

  for (int b = 0; b < blocks; b++) {
    char *src = in + (size_t) b * BLOCK;
    char *dst = packed + (size_t) b * cap;
    packed_len[b] = zstd ? zstd_compress(cctx, dst, cap, src, BLOCK)
                         : (size_t) lz4_compress(src, dst, BLOCK, (int) cap);
    size_t n = zstd ? zstd_decompress(dctx, decoded, BLOCK, dst, packed_len[b])
                    : (size_t) lz4_decompress(dst, decoded, (int) packed_len[b], BLOCK);
    if (n != BLOCK || memcmp(decoded, src, BLOCK) != 0) {
      fprintf(stderr, "native-loop: block %d does not round-trip\n", b);
      return 1;
    }
  }

  for (int op = 0; op < 2; op++) {
    double best = 0, sum = 0;
    for (int run = 0; run <= runs; run++) { /* run 0 warms up */
      double start = now(), elapsed;
      long long bytes = 0;
      int b = 0;
      do {
        char *src = in + (size_t) b * BLOCK;
        if (op == 0) {
          size_t n = zstd ? zstd_compress(cctx, out, cap, src, BLOCK)
                          : (size_t) lz4_compress(src, out, BLOCK, (int) cap);
          if (n != packed_len[b]) {
            fprintf(stderr, "native-loop: compression is not deterministic\n");
            return 1;
          }
        } else {
          char *p = packed + (size_t) b * cap;
          size_t n = zstd ? zstd_decompress(dctx, decoded, BLOCK, p, packed_len[b])
                          : (size_t) lz4_decompress(p, decoded, (int) packed_len[b], BLOCK);
          if (n != BLOCK) {
            fprintf(stderr, "native-loop: decompression returned %zu bytes\n", n);
            return 1;
          }
        }
        bytes += BLOCK;
        b = b + 1 == blocks ? 0 : b + 1;
        elapsed = now() - start;
      } while (elapsed < seconds);
      double mbs = (double) bytes / elapsed / 1e6;
      if (run > 0) {
        sum += mbs;
        best = mbs > best ? mbs : best;
      }
    }
    printf("native %s %d %s %.1f %.1f\n", argv[2], level, op == 0 ? "compress" : "decompress", best,
        sum / runs);
  }
  return 0;
}
