package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of a POST action: its JSON (plain, or the multipart {@code input} part) and any uploaded
 * files.
 */
final class ActionInput {
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
  private static final Set<String> FILE_TYPES = Set.of("jpg", "jpeg", "gif", "png", "pdf");

  final JsonNode json;
  final List<Multipart.Part> files;

  private ActionInput(JsonNode json, List<Multipart.Part> files) {
    this.json = json;
    this.files = files;
  }

  /**
   * Reads the body by its Content-Type. {@code multipartOnly} actions (provide-evidence, appeal)
   * answer 415 to JSON or to multipart without an {@code input} part, as PayPal does.
   */
  static ActionInput parse(
      String contentType, byte[] body, ObjectMapper mapper, boolean multipartOnly) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
    if (type.startsWith("multipart/form-data")) {
      List<Multipart.Part> files = new ArrayList<>();
      JsonNode input = null;
      for (Multipart.Part part : Multipart.parse(body, contentType)) {
        if (part.name().equals("input") && part.filename() == null) {
          input = Fields.object(mapper, part.text());
        } else {
          files.add(part);
        }
      }
      if (input == null && multipartOnly) {
        throw SimError.unsupportedMediaType(
            "Send the request as multipart/form-data with an 'input' part of type application/json.");
      }
      return new ActionInput(input == null ? JsonNodeFactory.instance.objectNode() : input, files);
    }
    if (multipartOnly) {
      throw SimError.unsupportedMediaType("Supported content types: multipart/form-data.");
    }
    if (type.startsWith("application/json")) {
      return new ActionInput(
          Fields.object(mapper, new String(body, java.nio.charset.StandardCharsets.UTF_8)),
          List.of());
    }
    if (type.isEmpty() && body.length == 0) {
      return new ActionInput(JsonNodeFactory.instance.objectNode(), List.of());
    }
    throw SimError.unsupportedMediaType(
        "Supported content types: application/json, multipart/form-data.");
  }

  /**
   * Enforces PayPal's upload rules: jpg, jpeg, gif, png or pdf; each under 10 MB; under 50 MB in
   * all.
   */
  void checkFiles() {
    long total = 0;
    for (Multipart.Part f : files) {
      String name = f.filename() == null ? "" : f.filename();
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!FILE_TYPES.contains(ext)) {
        throw fileError(name, "Only JPG, JPEG, GIF, PNG and PDF files are accepted.");
      }
      if (f.content().length >= MAX_FILE_BYTES) {
        throw fileError(name, "Each file must be smaller than 10 MB.");
      }
      total += f.content().length;
    }
    if (total >= MAX_TOTAL_BYTES) {
      throw fileError(null, "All files together must be smaller than 50 MB.");
    }
  }

  /** The uploaded files as PayPal's document objects ({@code {"name": ...}}). */
  List<ObjectNode> documents() {
    List<ObjectNode> docs = new ArrayList<>();
    for (Multipart.Part f : files) {
      docs.add(JsonNodeFactory.instance.objectNode().put("name", f.filename()));
    }
    return docs;
  }

  private static SimError fileError(String name, String description) {
    return SimError.unprocessable(
        name == null ? null : "/files", name, "INVALID_EVIDENCE_FILE", description);
  }
}
