package dev.archbench.harness.fingerprint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MicroarchitecturesTest {
  @ParameterizedTest(name = "{0} family {1} model {2} stepping {3} -> {4}")
  @CsvSource(nullValues = "null", value = {
      // EC2 Intel generations: m5/c5 (Skylake-SP, Cascade Lake), m6i (Ice Lake), m7i (SPR), i7ie/m8i...
      "GenuineIntel, 6, 0x55, 4, Skylake-SP",
      "GenuineIntel, 6, 0x55, 7, Cascade Lake",
      "GenuineIntel, 6, 0x55, 11, Cooper Lake",
      "GenuineIntel, 6, 0x6a, 6, Ice Lake-SP",
      "GenuineIntel, 6, 0x8f, 8, Sapphire Rapids",
      "GenuineIntel, 6, 0xcf, 2, Emerald Rapids",
      "GenuineIntel, 6, 0xad, 1, Granite Rapids",
      "GenuineIntel, 6, 0x4f, 1, Broadwell",
      "GenuineIntel, 6, 0x3f, 2, Haswell",
      "GenuineIntel, 6, 0x8c, 1, Tiger Lake",
      "GenuineIntel, 6, 0x01, 1, null",
      "GenuineIntel, 15, 0x06, 1, null",
      // AMD: a1/m5a (Zen), m5a/c5a (Zen 2), m6a/inf2 (Zen 3), m7a/c7a (Zen 4), m8a (Zen 5)
      "AuthenticAMD, 0x17, 0x01, 2, Zen",
      "AuthenticAMD, 0x17, 0x31, 0, Zen 2",
      "AuthenticAMD, 0x19, 0x01, 1, Zen 3",
      "AuthenticAMD, 0x19, 0x21, 0, Zen 3",
      "AuthenticAMD, 0x19, 0x11, 1, Zen 4",
      "AuthenticAMD, 0x19, 0x61, 2, Zen 4",
      "AuthenticAMD, 0x19, 0xa0, 1, Zen 4c",
      "AuthenticAMD, 0x1a, 0x02, 1, Zen 5",
      "AuthenticAMD, 0x19, 0x90, 1, null",
      "AuthenticAMD, 0x15, 0x02, 0, null",
      "CentaurHauls, 6, 0x0f, 1, null"})
  void x86(String vendor, String family, String model, int stepping, String expected) {
    assertThat(Microarchitectures.x86(vendor, CpuInfo.intOrNull(family), CpuInfo.intOrNull(model), stepping))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2} (Graviton {3})")
  @CsvSource(nullValues = "null", value = {
      "0x41, 0xd08, Cortex-A72, 1",
      "0x41, 0xd0c, Neoverse-N1, 2",
      "0x41, 0xd40, Neoverse-V1, 3",
      "0x41, 0xd4f, Neoverse-V2, 4",
      "0x41, 0xd84, Neoverse-V3, 5",
      "0x41, 0xd49, Neoverse-N2, null",
      "0x41, 0xfff, null, null",
      "0xc0, 0xd0c, null, null"})
  void arm(String implementer, String part, String core, Integer graviton) {
    Microarchitectures.ArmPart p = Microarchitectures.armPart(CpuInfo.intOrNull(implementer), CpuInfo.intOrNull(part));
    assertThat(p == null ? null : p.core()).isEqualTo(core);
    assertThat(p == null ? null : p.gravitonGeneration()).isEqualTo(graviton);
  }
}
