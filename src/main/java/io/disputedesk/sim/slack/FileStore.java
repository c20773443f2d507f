package io.disputedesk.sim.slack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Files moving through Slack's external upload flow: reserved, uploaded, then shared. */
final class FileStore {
  private static final class Pending {
    private final String filename;
    private byte[] content;

    private Pending(String filename) {
      this.filename = filename;
    }
  }

  /** Where a completed upload is shared. */
  record Share(String channel, String threadTs, String initialComment) {}

  private final ChangeFeed changes;
  private final Map<String, Pending> pending = new HashMap<>();
  private final List<UploadedFile> completed = new ArrayList<>();
  private long sequence;

  FileStore(ChangeFeed changes) {
    this.changes = changes;
  }

  synchronized String reserve(String filename) {
    String id = String.format("F%08X", ++sequence);
    pending.put(id, new Pending(filename));
    return id;
  }

  /** Stores the bytes POSTed to a file's upload URL; false if no such upload was reserved. */
  synchronized boolean receive(String id, byte[] content) {
    Pending file = pending.get(id);
    if (file == null) {
      return false;
    }
    file.content = content.clone();
    return true;
  }

  /**
   * Completes one uploaded file; {@code file_not_found} unless it was reserved and its bytes
   * arrived.
   */
  synchronized UploadedFile complete(String id, String title, Share share, Instant created) {
    Pending file = pending.get(id);
    if (file == null || file.content == null) {
      throw new MethodError("file_not_found");
    }
    pending.remove(id);
    UploadedFile done =
        new UploadedFile(
            id,
            file.filename,
            title == null ? file.filename : title,
            share.channel(),
            share.threadTs(),
            share.initialComment(),
            file.content,
            created);
    completed.add(done);
    changes.bump();
    return done;
  }

  synchronized List<UploadedFile> completed() {
    return List.copyOf(completed);
  }
}
