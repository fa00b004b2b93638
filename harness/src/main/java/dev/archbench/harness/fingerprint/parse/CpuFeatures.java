package dev.archbench.harness.fingerprint.parse;

import java.util.List;
import java.util.Set;

/**
 * The ISA features that matter for archbench's workloads (vector width, dot products, bf16/int8
 * matrix units, crypto and CRC used by TLS and codecs), picked from the kernel's flag list in a fixed
 * order so that records compare byte for byte. The kernel names are kept: they are what people grep.
 */
public final class CpuFeatures {
  private static final List<String> X86 = List.of(
      "sse4_2", "avx", "avx2", "fma", "bmi2", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
      "avx_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8", "aes", "vaes",
      "pclmulqdq", "vpclmulqdq", "sha_ni", "gfni");
  private static final List<String> ARM = List.of(
      "asimd", "asimddp", "asimdhp", "sve", "sve2", "bf16", "i8mm", "svebf16", "svei8mm", "aes",
      "pmull", "sha1", "sha2", "sha3", "sha512", "crc32", "atomics", "rng");

  private CpuFeatures() {}

  public static List<String> select(String arch, Set<String> kernelFlags) {
    List<String> wanted = "aarch64".equals(arch) ? ARM : "x86_64".equals(arch) ? X86 : List.of();
    return wanted.stream().filter(kernelFlags::contains).toList();
  }
}
