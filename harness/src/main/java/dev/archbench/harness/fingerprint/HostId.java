package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The stable id of a host's hardware: SHA-256 over the hardware-identity fields only, first 16 hex
 * digits. Software (kernel, JVM, drivers, features the kernel chooses to expose) and placement
 * (region, lifecycle) are left out, so two instances of one type agree. Memory counts only when the
 * instance type is unknown (it fixes the memory; MemTotal itself moves with kernel reservations), and
 * then rounded up to whole GiB.
 */
public final class HostId {
  private HostId() {}

  public static String of(String arch, Host.Cpu cpu, Long memoryBytes, String instanceType,
      List<Host.Accelerator> accelerators) {
    List<Object> parts = new ArrayList<>();
    parts.add("v1");
    parts.add(arch);
    if (cpu != null) {
      parts.addAll(java.util.Arrays.asList(cpu.vendor(), cpu.model(), cpu.microarchitecture(), cpu.family(),
          cpu.modelNumber(), cpu.implementer(), cpu.part(), cpu.sockets(), cpu.physicalCores(),
          cpu.logicalCores(), cpu.threadsPerCore()));
      Host.CacheBytes c = cpu.cacheBytes();
      parts.addAll(c == null ? java.util.Arrays.asList(null, null, null, null)
          : java.util.Arrays.asList(c.l1d(), c.l1i(), c.l2(), c.l3()));
    }
    parts.add(instanceType);
    parts.add(instanceType == null && memoryBytes != null ? (memoryBytes + (1L << 30) - 1) >> 30 : null);
    for (Host.Accelerator a : accelerators) {
      parts.add(a.kind() + "/" + a.name() + "/" + a.count() + "/" + a.memoryBytes());
    }
    StringBuilder canonical = new StringBuilder();
    for (Object p : parts) {
      canonical.append(Objects.toString(p, "-")).append('\u001f');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
