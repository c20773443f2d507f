package io.disputedesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

class CacheLinesTest {
  @Test
  void jettyPadsItsQueuesByTheNumberItWouldWorkOutItself() {
    new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    boolean compressed =
        Boolean.parseBoolean(
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops")
                .getValue());
    // Jetty's own rule on a 64-byte line: 4-byte references when compressed, 8-byte otherwise.
    int jettys = compressed ? 16 : 8;

    assertThat(System.getProperty(CacheLines.REFERENCES)).isEqualTo(Integer.toString(jettys));
    assertThat(MemoryUtils.getReferencesPerCacheLine()).isEqualTo(jettys);
  }

  @Test
  void referencesPerLineFollowTheSizeOfAReference() {
    assertThat(CacheLines.referencesPerLine(true)).isEqualTo(16);
    assertThat(CacheLines.referencesPerLine(false)).isEqualTo(8);
  }
}
