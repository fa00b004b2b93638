package dev.archbench.harness.fingerprint.parse;

import java.util.Map;

/**
 * Our own tables from CPU identity to microarchitecture: x86 family/model (/stepping) and the ARM
 * part numbers. OSHI's lookup does not serve here (its ARM key is built wrongly, giving "unknown" on
 * Graviton). Unknown combinations give {@code null}, never a guess.
 */
public final class Microarchitectures {
  private Microarchitectures() {}

  /** An ARM core design and, when it is the one used by a Graviton generation, that generation. */
  public record ArmPart(String core, Integer gravitonGeneration) {}

  /** ARM Ltd. (implementer 0x41) parts, by {@code CPU part} from /proc/cpuinfo. */
  private static final Map<Integer, ArmPart> ARM_LTD_PARTS = Map.ofEntries(
      Map.entry(0xd03, new ArmPart("Cortex-A53", null)),
      Map.entry(0xd07, new ArmPart("Cortex-A57", null)),
      Map.entry(0xd08, new ArmPart("Cortex-A72", 1)),
      Map.entry(0xd0b, new ArmPart("Cortex-A76", null)),
      Map.entry(0xd0c, new ArmPart("Neoverse-N1", 2)),
      Map.entry(0xd40, new ArmPart("Neoverse-V1", 3)),
      Map.entry(0xd49, new ArmPart("Neoverse-N2", null)),
      Map.entry(0xd4f, new ArmPart("Neoverse-V2", 4)),
      Map.entry(0xd8e, new ArmPart("Neoverse-N3", null)),
      Map.entry(0xd84, new ArmPart("Neoverse-V3", 5)));

  /** {@code CPU implementer} codes to the vendor name lscpu prints. */
  private static final Map<Integer, String> ARM_IMPLEMENTERS = Map.of(
      0x41, "ARM", 0x42, "Broadcom", 0x43, "Cavium", 0x46, "Fujitsu", 0x48, "HiSilicon",
      0x4e, "NVIDIA", 0x51, "Qualcomm", 0x61, "Apple", 0xc0, "Ampere");

  public static final int ARM_LTD = 0x41;

  public static ArmPart armPart(Integer implementer, Integer part) {
    if (implementer == null || part == null || implementer != ARM_LTD) {
      return null;
    }
    return ARM_LTD_PARTS.get(part);
  }

  public static String armVendor(Integer implementer) {
    return implementer == null ? null : ARM_IMPLEMENTERS.get(implementer);
  }

  /** The microarchitecture of an x86 CPU from its vendor id, family, model and stepping. */
  public static String x86(String vendorId, Integer family, Integer model, Integer stepping) {
    if (vendorId == null || family == null || model == null) {
      return null;
    }
    return switch (vendorId) {
      case "GenuineIntel" -> family == 6 ? intel(model, stepping) : null;
      case "AuthenticAMD", "HygonGenuine" -> amd(family, model);
      default -> null;
    };
  }

  private static String intel(int model, Integer stepping) {
    return switch (model) {
      case 0x2a, 0x2d -> "Sandy Bridge";
      case 0x3a, 0x3e -> "Ivy Bridge";
      case 0x3c, 0x3f, 0x45, 0x46 -> "Haswell";
      case 0x3d, 0x47, 0x4f, 0x56 -> "Broadwell";
      case 0x4e, 0x5e -> "Skylake";
      // One model number, three server generations told apart by stepping.
      case 0x55 -> stepping == null ? null
          : stepping >= 10 ? "Cooper Lake" : stepping >= 5 ? "Cascade Lake" : "Skylake-SP";
      case 0x8e, 0x9e -> "Kaby Lake";
      case 0xa5, 0xa6 -> "Comet Lake";
      case 0x66 -> "Cannon Lake";
      case 0x7d, 0x7e -> "Ice Lake";
      case 0x6a, 0x6c -> "Ice Lake-SP";
      case 0x8c, 0x8d -> "Tiger Lake";
      case 0xa7 -> "Rocket Lake";
      case 0x97, 0x9a -> "Alder Lake";
      case 0xb7, 0xba, 0xbf -> "Raptor Lake";
      case 0xaa, 0xac -> "Meteor Lake";
      case 0xbd -> "Lunar Lake";
      case 0xc5, 0xc6 -> "Arrow Lake";
      case 0x8f -> "Sapphire Rapids";
      case 0xcf -> "Emerald Rapids";
      case 0xad, 0xae -> "Granite Rapids";
      case 0xaf -> "Sierra Forest";
      default -> null;
    };
  }

  private static String amd(int family, int model) {
    return switch (family) {
      case 0x17 -> model == 0x08 || model == 0x18 ? "Zen+" : model < 0x30 ? "Zen" : "Zen 2";
      case 0x19 -> {
        if (model >= 0x10 && model <= 0x1f || model >= 0x60 && model <= 0x7f) {
          yield "Zen 4";
        }
        if (model >= 0xa0 && model <= 0xaf) {
          yield "Zen 4c";
        }
        if (model >= 0x40 && model <= 0x4f) {
          yield "Zen 3+";
        }
        if (model <= 0x0f || model >= 0x20 && model <= 0x2f || model >= 0x50 && model <= 0x5f) {
          yield "Zen 3";
        }
        yield null;
      }
      case 0x1a -> "Zen 5";
      default -> null;
    };
  }
}
