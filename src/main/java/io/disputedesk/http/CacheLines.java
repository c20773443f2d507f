package io.disputedesk.http;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells Jetty how many object references fit in a cache line before it asks the platform MBean
 * server: Jetty pads its queues by that number and, left to itself, works it out by building the
 * whole MBean server (about 670 classes, a quarter of a cold start's class loading) to read one VM
 * option. The answer here is Jetty's own rule on the same option, read from the one MXBean that has
 * it.
 */
final class CacheLines {
  static final String REFERENCES = "org.eclipse.jetty.util.referencesPerCacheLine";
  private static final String BYTES = "org.eclipse.jetty.util.cacheLineBytes";
  private static final int DEFAULT_BYTES = 64;

  private CacheLines() {}

  /** Sets Jetty's property unless it is set already or the VM cannot say (Jetty then asks). */
  static void tellJetty() {
    if (System.getProperty(REFERENCES) != null) {
      return;
    }
    Boolean compressed = compressedOops();
    if (compressed != null) {
      System.setProperty(REFERENCES, Integer.toString(referencesPerLine(compressed)));
    }
  }

  /** Jetty's rule: 4-byte references when oops are compressed, 8-byte ones otherwise. */
  static int referencesPerLine(boolean compressedOops) {
    int bytes;
    try {
      bytes = Integer.parseInt(System.getProperty(BYTES, Integer.toString(DEFAULT_BYTES)));
    } catch (NumberFormatException e) {
      bytes = DEFAULT_BYTES;
    }
    return compressedOops ? bytes >> 2 : bytes >> 3;
  }

  private static Boolean compressedOops() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm == null ? null : Boolean.valueOf(vm.getVMOption("UseCompressedOops").getValue());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
