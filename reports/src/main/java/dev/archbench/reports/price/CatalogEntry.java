package dev.archbench.reports.price;

/**
 * One row of a price catalog: an instance type's specs and its price under one pricing model in one
 * region. Spec fields are {@code null} when unknown.
 *
 * @param arch {@code amd64} or {@code arm64} as in the catalog (Karpenter's labels)
 */
public record CatalogEntry(
    String instanceType,
    Integer vcpu,
    Long memoryMib,
    String arch,
    String cpuManufacturer,
    String acceleratorName,
    Integer acceleratorCount,
    String gpuName,
    Integer gpuCount,
    Long gpuMemoryMib,
    String hypervisor,
    double usdPerHour,
    String region,
    PricingModel pricingModel) {

  public CatalogEntry withPrice(double usd, PricingModel model, String newRegion) {
    return new CatalogEntry(instanceType, vcpu, memoryMib, arch, cpuManufacturer, acceleratorName,
        acceleratorCount, gpuName, gpuCount, gpuMemoryMib, hypervisor, usd, newRegion, model);
  }
}
