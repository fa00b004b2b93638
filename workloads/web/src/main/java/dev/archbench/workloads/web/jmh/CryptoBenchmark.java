package dev.archbench.workloads.web.jmh;

import dev.archbench.workload.ResultNotes;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JDK's AES-256-GCM (what TLS 1.3 records use) and SHA-256 on 1 KiB and 16 KiB buffers (a small
 * record and a full one). HotSpot replaces both with CPU instructions through intrinsics whose
 * availability differs by architecture (AES-NI/PCLMUL/SHA-NI on x86, ARMv8 crypto extensions on
 * Graviton); which intrinsics were on is recorded as attribute {@code intrinsics} (the
 * intrinsic flags are diagnostic: the forks run with {@code -XX:+UnlockDiagnosticVMOptions}, which
 * only makes them readable). A fresh IV per
 * encryption, as GCM requires. Validated in setup: decrypt(encrypt(x)) == x and the digest matches
 * a second computation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
  private static final String[] INTRINSICS = {"UseAES", "UseAESIntrinsics", "UseAESCTRIntrinsics",
      "UseGHASHIntrinsics", "UseSHA", "UseSHA256Intrinsics"};

  @Param({"1024", "16384"})
  public int size;

  private SecretKeySpec key;
  private Cipher encrypt;
  private Cipher decrypt;
  private MessageDigest sha256;
  private byte[] plain;
  private byte[] sealed;
  private byte[] out;
  private byte[] sealedIv;
  private final byte[] iv = new byte[12];
  private long counter;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    byte[] k = new byte[32];
    plain = new byte[size];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) r.nextInt();
    }
    for (int i = 0; i < plain.length; i++) {
      plain[i] = (byte) r.nextInt();
    }
    key = new SecretKeySpec(k, "AES");
    encrypt = Cipher.getInstance("AES/GCM/NoPadding");
    decrypt = Cipher.getInstance("AES/GCM/NoPadding");
    sha256 = MessageDigest.getInstance("SHA-256");
    out = new byte[size + 16];
    sealed = encrypt().clone();
    sealedIv = iv.clone();
    if (!Arrays.equals(decrypt(), plain)) {
      throw new IllegalStateException("AES-GCM round trip failed");
    }
    if (!Arrays.equals(sha256.digest(plain), MessageDigest.getInstance("SHA-256").digest(plain))) {
      throw new IllegalStateException("SHA-256 is not deterministic");
    }
    ResultNotes notes = ResultNotes.current();
    notes.attribute("provider", encrypt.getProvider().getName() + " " + encrypt.getProvider().getVersionStr()
        + ", " + sha256.getProvider().getName());
    notes.attribute("intrinsics", intrinsics());
  }

  @Benchmark
  public byte[] aesGcmEncrypt() throws Exception {
    return encrypt();
  }

  @Benchmark
  public byte[] aesGcmDecrypt() throws Exception {
    return decrypt();
  }

  @Benchmark
  public byte[] sha256() {
    return sha256.digest(plain);
  }

  private byte[] encrypt() throws Exception {
    ByteBuffer.wrap(iv).putLong(4, ++counter);
    encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    encrypt.doFinal(plain, 0, plain.length, out, 0);
    return out;
  }

  private byte[] decrypt() throws Exception {
    decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealedIv));
    return decrypt.doFinal(sealed, 0, size + 16);
  }

  /** e.g. {@code UseAESIntrinsics=true, UseSHA256Intrinsics=false}; "unknown" off HotSpot. */
  public static String intrinsics() {
    StringBuilder sb = new StringBuilder();
    try {
      var hs = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      for (String flag : INTRINSICS) {
        try {
          String value = hs.getVMOption(flag).getValue();
          sb.append(sb.length() == 0 ? "" : ", ").append(flag).append('=').append(value);
        } catch (IllegalArgumentException absent) {
          // Not a flag of this HotSpot build, or a diagnostic one without -XX:+UnlockDiagnosticVMOptions.
        }
      }
    } catch (RuntimeException | LinkageError e) {
      return "unknown";
    }
    return sb.length() == 0 ? "unknown" : sb.toString();
  }
}
