/** Accelerators from the PCI bus and their drivers: AWS Neuron devices and NVIDIA GPUs. */
package dev.archbench.harness.fingerprint.accelerator;
