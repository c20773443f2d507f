package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** LocalSlack's stores, Web API methods and HTTP server, wired together from its settings. */
final class SlackParts {
  private final MessageStore messages;
  private final ViewStore views;
  private final Directory directory;
  private final HookSink hooks;
  private final CallLog calls = new CallLog();
  private final Interceptions interceptions = new Interceptions();
  private final ChangeFeed changes = new ChangeFeed();
  private final FileStore files = new FileStore(changes);
  private final InputFiles inputFiles = new InputFiles();
  private final SlackHttpServer http;
  private final ApiDispatcher dispatcher;
  private final SlackClientSide client;

  SlackParts(LocalSlack.Settings settings, Supplier<String> socketModeUrl) {
    ObjectMapper mapper = Json.newMapper();
    TsClock ts = new TsClock(settings.clock());
    Workspace ws = settings.workspace();
    this.messages = new MessageStore(ts, changes);
    this.views = new ViewStore(settings.clock(), ws, mapper, changes);
    this.directory = Directory.withDefaults(ws);
    this.hooks = new HookSink(messages, ws, mapper);
    Channels channels = new Channels(messages, directory);
    MessageJson json = new MessageJson(mapper, ws);
    Map<String, Method> table = new HashMap<>();
    new ChatMethods(messages, channels, json, ws, mapper).registerInto(table);
    new ConversationMethods(messages, directory, channels, json, mapper).registerInto(table);
    new ViewMethods(views, mapper).registerInto(table);
    new DirectoryMethods(directory, ws, socketModeUrl, mapper).registerInto(table);
    // The upload URL is read per call: the server's port is known only once it exists.
    new FileMethods(files, channels, () -> baseUrl() + SlackHttpServer.UPLOAD, ts, ws, mapper)
        .registerInto(table);
    this.dispatcher =
        new ApiDispatcher(
            table, settings.botToken(), settings.appToken(), calls, interceptions, mapper);
    this.http =
        new SlackHttpServer(
            settings.port(),
            new ApiRequests(mapper),
            dispatcher,
            hooks,
            files,
            inputFiles,
            settings.botToken(),
            settings.clock());
    this.client = new SlackClientSide(messages, views, changes);
  }

  MessageStore messages() {
    return messages;
  }

  ViewStore views() {
    return views;
  }

  Directory directory() {
    return directory;
  }

  HookSink hooks() {
    return hooks;
  }

  CallLog calls() {
    return calls;
  }

  Interceptions interceptions() {
    return interceptions;
  }

  ChangeFeed changes() {
    return changes;
  }

  FileStore files() {
    return files;
  }

  InputFiles inputFiles() {
    return inputFiles;
  }

  SlackHttpServer http() {
    return http;
  }

  ApiDispatcher dispatcher() {
    return dispatcher;
  }

  SlackClientSide client() {
    return client;
  }

  private String baseUrl() {
    return http.baseUrl();
  }
}
