package dev.archbench.harness.fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code /sys/class/power_supply}, as the kernel describes it.
 *
 * @param type {@code Mains}, {@code Battery}, {@code USB}, ...; empty when absent
 * @param online a mains supply that is plugged in
 * @param status a battery's {@code Charging}, {@code Discharging}, {@code Full}, ...; empty when absent
 */
public record PowerSupply(String name, String type, boolean online, String status) {

  public static List<PowerSupply> readAll(HostFiles files) {
    Path supplies = files.paths().powerSupplies();
    List<PowerSupply> out = new ArrayList<>();
    for (String name : files.names(supplies)) {
      Path dir = supplies.resolve(name);
      out.add(new PowerSupply(name, files.text(dir.resolve("type")).orElse(""),
          files.text(dir.resolve("online")).orElse("0").equals("1"), files.text(dir.resolve("status")).orElse("")));
    }
    return out;
  }

  public boolean isMains() {
    return type.equals("Mains");
  }

  /** A battery that powers the machine now. */
  public boolean isDischargingBattery() {
    return type.equals("Battery") && status.equals("Discharging");
  }
}
