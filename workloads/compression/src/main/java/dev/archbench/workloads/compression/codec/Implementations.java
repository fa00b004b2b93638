package dev.archbench.workloads.compression.codec;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.github.luben.zstd.util.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import net.jpountz.lz4.LZ4Factory;
import org.xerial.snappy.Snappy;

/**
 * Says which implementation of each codec actually runs in this JVM: the Java binding's version,
 * whether its native library loaded, and for which platform. Loading a native library here is
 * deliberate: the answer must be what the benchmark will use, not what the jar contains.
 */
public final class Implementations {
  private Implementations() {}

  static String platform() {
    return System.getProperty("os.name").toLowerCase(Locale.ROOT) + "-"
        + System.getProperty("os.arch");
  }

  /**
   * A library's version: its jar's pom.properties, else the manifest's Implementation-Version of
   * {@code anyClass}'s package when that manifest is the library's, else {@code unknown}.
   */
  static String version(Class<?> anyClass, String groupId, String artifactId) {
    return version(anyClass, groupId, artifactId, artifactId);
  }

  /** As above, for a library whose manifest's Implementation-Title is {@code manifestTitle}. */
  static String version(Class<?> anyClass, String groupId, String artifactId, String manifestTitle) {
    String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = Implementations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    // In archbench's single jar every package reports archbench's own manifest: trust the manifest
    // only where it names the library.
    Package pkg = anyClass.getPackage();
    String v = pkg.getImplementationVersion();
    return v != null && manifestTitle.equalsIgnoreCase(pkg.getImplementationTitle()) ? v : "unknown";
  }

  static String zstd() {
    Native.load();
    String v = com.github.luben.zstd.util.ZstdVersion.VERSION; // zstd-jni ships no pom.properties
    String lib = v.contains("-") ? v.substring(0, v.indexOf('-')) : v;
    return "zstd-jni " + v + " (native libzstd " + lib + ", " + platform() + ")";
  }

  static boolean isJni(LZ4Factory factory) {
    return factory.toString().contains("JNI");
  }

  static String lz4(LZ4Factory factory) {
    String kind = isJni(factory) ? "JNI liblz4, " + platform()
        : "pure-Java fallback " + factory.toString().replace("LZ4Factory:", "");
    return "lz4-java " + version(LZ4Factory.class, "at.yawk.lz4", "lz4-java") + " (" + kind + ")";
  }

  static String snappy() {
    // Loads the native library; snappy-java has no Java fallback in this configuration.
    String v = Snappy.getNativeLibraryVersion();
    return "snappy-java " + version(Snappy.class, "org.xerial.snappy", "snappy-java") + " (native "
        + "libsnappyjava " + v + ", " + platform() + ")";
  }

  static String brotli() {
    Brotli4jLoader.ensureAvailability();
    return "brotli4j " + version(Brotli4jLoader.class, "com.aayushatharva.brotli4j", "brotli4j")
        + " (native libbrotli, " + platform() + ")";
  }

  static String xz() {
    return "org.tukaani:xz " + version(org.tukaani.xz.XZ.class, "org.tukaani", "xz", "XZ data compression") + " (pure Java)";
  }

  /** The JDK's zlib: the system library when the JDK links it (Debian), else the bundled one. */
  static String javaUtilZip() {
    return "java.util.zip (JDK " + System.getProperty("java.version") + ", " + zlib() + ")";
  }

  static String zlib() {
    new java.util.zip.Deflater().end(); // ensure libzip and its zlib are loaded
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int i = line.indexOf('/');
        if (i >= 0 && line.contains("/libz.so")) {
          Path lib = Path.of(line.substring(i).trim());
          String real = lib.toRealPath().getFileName().toString(); // libz.so.1.2.13
          return "system zlib " + real.replace("libz.so.", "");
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux or unreadable: fall through
    }
    return "zlib bundled with the JDK";
  }
}
