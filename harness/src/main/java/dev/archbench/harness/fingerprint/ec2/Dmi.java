package dev.archbench.harness.fingerprint.ec2;

import dev.archbench.harness.fingerprint.HostFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The firmware's identity of the machine ({@code /sys/class/dmi/id/*}), plus the Xen hypervisor
 * files that Xen-era EC2 instances expose ({@code /sys/hypervisor/type}, {@code uuid}). This is the
 * first, offline answer to "is this EC2, and which instance type".
 */
public record Dmi(
    String sysVendor,
    String productName,
    String boardVendor,
    String biosVendor,
    String biosVersion,
    String hypervisorType,
    String hypervisorUuid) {

  public static final Dmi NONE = new Dmi(null, null, null, null, null, null, null);
  private static final String AMAZON_EC2 = "Amazon EC2";
  /** EC2 instance type names: family (letters, digits, dashes) dot size. */
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");

  public static Dmi read(HostFiles files) {
    Path id = files.paths().dmiId();
    Path hypervisor = files.paths().hypervisor();
    return new Dmi(
        files.text(id.resolve("sys_vendor")).orElse(null),
        files.text(id.resolve("product_name")).orElse(null),
        files.text(id.resolve("board_vendor")).orElse(null),
        files.text(id.resolve("bios_vendor")).orElse(null),
        files.text(id.resolve("bios_version")).orElse(null),
        files.text(hypervisor.resolve("type")).orElse(null),
        files.text(hypervisor.resolve("uuid")).orElse(null));
  }

  /** Nitro (and EC2 bare metal): the vendor fields say "Amazon EC2". */
  public boolean isNitro() {
    return AMAZON_EC2.equals(sysVendor) || AMAZON_EC2.equals(boardVendor) || AMAZON_EC2.equals(biosVendor);
  }

  /** Xen-era EC2: a Xen guest whose BIOS version or hypervisor UUID names Amazon. */
  public boolean isXenEc2() {
    boolean xen = "Xen".equals(sysVendor) || "xen".equals(hypervisorType);
    boolean amazon = lower(biosVersion).contains("amazon") || lower(hypervisorUuid).startsWith("ec2");
    return xen && amazon;
  }

  public boolean isEc2() {
    return isNitro() || isXenEc2();
  }

  /** On Nitro the product name is the instance type (Xen-era instances say "HVM domU"). */
  public String instanceType() {
    if (!isNitro() || productName == null) {
      return null;
    }
    String t = productName.strip();
    return INSTANCE_TYPE.matcher(t).matches() ? t : null;
  }

  /**
   * The hypervisor, in systemd-detect-virt's words ({@code amazon}, {@code xen}, {@code kvm},
   * {@code qemu}, {@code vmware}, {@code microsoft}, {@code oracle}, {@code google}), from DMI,
   * then the Xen hypervisor file, then the kernel's clock sources; {@code other} when the CPU says
   * it is virtualized but nothing names the hypervisor; {@code null} on bare metal (EC2 {@code .metal}
   * included).
   */
  public String virtualization(String availableClocksources, boolean cpuHypervisorFlag) {
    String vendor = lower(sysVendor);
    String product = lower(productName);
    if (isNitro()) {
      String type = instanceType();
      return type != null && type.endsWith(".metal") || product.endsWith(".metal") ? null : "amazon";
    }
    if (vendor.equals("xen") || "xen".equals(hypervisorType)) {
      return "xen";
    }
    if (product.equals("kvm") || vendor.contains("kvm")) {
      return "kvm";
    }
    if (vendor.equals("qemu")) {
      return "qemu";
    }
    if (vendor.startsWith("vmware")) {
      return "vmware";
    }
    if (vendor.startsWith("microsoft") && product.contains("virtual machine")) {
      return "microsoft";
    }
    if (vendor.startsWith("innotek") || product.equals("virtualbox")) {
      return "oracle";
    }
    if (vendor.equals("google")) {
      return "google";
    }
    String clocks = lower(availableClocksources);
    if (clocks.contains("kvm-clock")) {
      return "kvm";
    }
    if (clocks.contains("xen")) {
      return "xen";
    }
    if (clocks.contains("hyperv")) {
      return "microsoft";
    }
    return cpuHypervisorFlag ? "other" : null;
  }

  private static String lower(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }
}
