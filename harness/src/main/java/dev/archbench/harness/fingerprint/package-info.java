/**
 * The host's fingerprint: {@link dev.archbench.harness.fingerprint.Fingerprinter} merges one source
 * per origin, once. Every file it reads is named in the catalog
 * {@link dev.archbench.harness.fingerprint.HostPaths} below
 * {@link dev.archbench.harness.fingerprint.HostRoots} and read by
 * {@link dev.archbench.harness.fingerprint.HostFiles}; the CPU, container, network and JVM sources
 * are here, the others in subpackages: {@code parse} (pure parsers of procfs/sysfs text),
 * {@code ec2} (DMI and IMDS), {@code platform} (Lambda, ECS task metadata, Kubernetes) and
 * {@code accelerator} (PCI devices, Neuron, GPUs).
 */
package dev.archbench.harness.fingerprint;
