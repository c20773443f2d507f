package io.disputedesk.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body up to a limit without holding a thread while the client sends nothing:
 * when no bytes are available it asks Jetty to call back once some are, and returns.
 */
final class BodyReader implements Runnable {
  /** How a body read ended. */
  sealed interface Outcome {}

  record Complete(byte[] body) implements Outcome {}

  /** More than the limit arrived (or was announced); the rest is still unread. */
  record TooLarge() implements Outcome {}

  /** The body did not arrive in time: the idle timeout or the whole-body deadline passed. */
  record TimedOut() implements Outcome {}

  /** The connection failed or the body was malformed. */
  record Failed(Throwable cause) implements Outcome {}

  private final Request request;
  private final int maxBytes;
  private final Consumer<Outcome> done;
  private final AtomicBoolean finished = new AtomicBoolean();
  private byte[] buffer;
  private int size;
  private volatile Scheduler.Task deadline;

  private BodyReader(Request request, int maxBytes, Consumer<Outcome> done) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.done = done;
    long declared = request.getLength();
    this.buffer = new byte[(int) Math.max(0, Math.min(declared < 0 ? 8192 : declared, maxBytes))];
  }

  /**
   * Starts reading; {@code done} is called exactly once, on the calling thread when the body is
   * already there, else on a Jetty worker (or the scheduler, for a missed deadline).
   */
  static void read(Request request, int maxBytes, Duration within, Consumer<Outcome> done) {
    BodyReader reader = new BodyReader(request, maxBytes, done);
    reader.deadline = request.getComponents().getScheduler().schedule(reader::expire, within);
    reader.run();
  }

  /**
   * Reads and throws away up to {@code limit} more bytes (so a refused client sees the answer),
   * then runs {@code then}.
   */
  static void discard(Request request, long limit, Runnable then) {
    new Discarder(request, limit, then).run();
  }

  /** Reads what is available; asks to be called again when more arrives. */
  @Override
  public void run() {
    while (!finished.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        Throwable cause = chunk.getFailure();
        finish(cause instanceof TimeoutException ? new TimedOut() : new Failed(cause));
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      int n = bytes.remaining();
      if ((long) size + n > maxBytes) {
        chunk.release();
        finish(new TooLarge());
        return;
      }
      if (size + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(maxBytes, Math.max(size + n, buffer.length * 2)));
      }
      bytes.get(buffer, size, n);
      size += n;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        finish(new Complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size)));
        return;
      }
    }
  }

  private void expire() {
    finish(new TimedOut());
  }

  private void finish(Outcome outcome) {
    if (finished.compareAndSet(false, true)) {
      Scheduler.Task task = deadline;
      if (task != null) {
        task.cancel();
      }
      done.accept(outcome);
    }
  }

  /**
   * The read loop for a refused body: counts and releases, stops at the end, a failure or the
   * limit.
   */
  private static final class Discarder implements Runnable {
    private final Request request;
    private final long limit;
    private final Runnable then;
    private long seen;

    Discarder(Request request, long limit, Runnable then) {
      this.request = request;
      this.limit = limit;
      this.then = then;
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        boolean stop = chunk.isLast() || Content.Chunk.isFailure(chunk);
        seen += chunk.remaining();
        chunk.release();
        if (stop || seen >= limit) {
          then.run();
          return;
        }
      }
    }
  }
}
