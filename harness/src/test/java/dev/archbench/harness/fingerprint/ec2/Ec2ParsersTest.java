package dev.archbench.harness.fingerprint.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What DMI and IMDS say, parsed from their values. */
class Ec2ParsersTest {
  @Test
  void dmiDecidesEc2AndHypervisor() {
    Dmi nitro = new Dmi("Amazon EC2", "c7g.xlarge", "Amazon EC2", "Amazon EC2", "1.0", null, null);
    assertThat(nitro.isEc2()).isTrue();
    assertThat(nitro.instanceType()).isEqualTo("c7g.xlarge");
    assertThat(nitro.virtualization("arch_sys_counter", false)).isEqualTo("amazon");
    Dmi metal = new Dmi("Amazon EC2", "c7g.metal", "Amazon EC2", "Amazon EC2", "1.0", null, null);
    assertThat(metal.virtualization(null, false)).isNull();
    Dmi xen = new Dmi("Xen", "HVM domU", null, "Xen", "4.2.amazon", "xen", null);
    assertThat(xen.isXenEc2()).isTrue();
    assertThat(xen.instanceType()).isNull();
    assertThat(xen.virtualization(null, true)).isEqualTo("xen");
    Dmi otherXen = new Dmi("Xen", "HVM domU", null, "Xen", "4.11", "xen", null);
    assertThat(otherXen.isEc2()).isFalse();
    Dmi kvm = new Dmi("QEMU", "Standard PC (Q35 + ICH9, 2009)", null, "SeaBIOS", "1.16", null, null);
    assertThat(kvm.isEc2()).isFalse();
    assertThat(kvm.virtualization(null, true)).isEqualTo("qemu");
    assertThat(Dmi.NONE.virtualization("tsc kvm-clock", true)).isEqualTo("kvm");
    assertThat(Dmi.NONE.virtualization("tsc", true)).isEqualTo("other");
    assertThat(Dmi.NONE.virtualization("tsc", false)).isNull();
    // A product name that is not an instance type is not taken as one.
    assertThat(new Dmi("Amazon EC2", "Not Specified", null, null, null, null, null).instanceType()).isNull();
  }

  @Test
  void imdsLifecycleValues() {
    assertThat(CloudSource.lifecycle("spot\n")).isEqualTo("spot");
    assertThat(CloudSource.lifecycle("on-demand")).isEqualTo("on-demand");
    assertThat(CloudSource.lifecycle("scheduled")).isNull();
  }
}
