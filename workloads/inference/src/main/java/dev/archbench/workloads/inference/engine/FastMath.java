package dev.archbench.workloads.inference.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * The BF16 fast-math configuration: oneDNN (PyTorch's CPU kernels, ACL on Graviton) computes float32
 * GEMMs and convolutions in bfloat16 when {@code DNNL_DEFAULT_FPMATH_MODE=BF16}. oneDNN reads the
 * variable when it creates a primitive, so setting it in-process before the first inference works;
 * it is a separate configuration (param {@code fpmath}) because results are slightly less precise.
 * ONNX Runtime's own kernels (MLAS) get the same request through the session config entry
 * {@code mlas.enable_gemm_fastmath_arm64_bfloat16} (effective on arm64 with BF16 support only).
 */
public final class FastMath {
  public static final String DEFAULT = "default";
  public static final String BF16 = "bf16";
  private static volatile String current = DEFAULT;

  private FastMath() {}

  interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  public static void apply(String mode) {
    String m = mode == null ? DEFAULT : mode.toLowerCase(Locale.ROOT);
    if (m.equals(DEFAULT)) {
      return;
    }
    if (!m.equals(BF16)) {
      throw new IllegalArgumentException("fpmath must be default or bf16, not " + mode);
    }
    setenv("DNNL_DEFAULT_FPMATH_MODE", "BF16");
    current = "bf16 (DNNL_DEFAULT_FPMATH_MODE=BF16; ONNX Runtime mlas.enable_gemm_fastmath_arm64_bfloat16=1)";
  }

  /** Sets a process environment variable for native libraries that read it (not Java's view). */
  static void setenv(String name, String value) {
    LibC libc = Native.load("c", LibC.class);
    if (libc.setenv(name, value, 1) != 0) {
      throw new IllegalStateException("cannot set " + name);
    }
  }

  static boolean bf16() {
    return !current.equals(DEFAULT);
  }

  public static String current() {
    return current;
  }
}
