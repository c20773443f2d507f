package io.disputedesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The simulator's state, endpoints and controls, wired together and served on its server. */
final class SimParts {
  private final SimDisputes store;
  private final DisputeJson json;
  private final SimCreator creator;
  private final SimDriver driver;
  private final Faults faults;
  private final DisputeWebhooks webhooks;
  private final List<SimRequest> log = new CopyOnWriteArrayList<>();
  private final AccountControls accounts;
  private final OrderControls orders;

  SimParts(SimulatorOptions options, SimServer server) {
    String baseUrl = server.baseUrl();
    ObjectMapper mapper = new ObjectMapper();
    SimIds ids = new SimIds(options.seed());
    this.store = new SimDisputes(options.clock());
    this.json = new DisputeJson(baseUrl, options.sandboxLinks());
    SimAccounts merchants = new SimAccounts(options);
    SimPermissions permissions = new SimPermissions();
    Tokens tokens = new Tokens(options, ids, merchants, permissions);
    this.faults = new Faults();
    TestValues testValues = new TestValues();
    Webhooks sender = new Webhooks(mapper, ids, options.clock(), baseUrl, options.webhookId());
    ListEndpoint list = new ListEndpoint(store, json, testValues, options.clock(), baseUrl);
    OrderJson orderJson = new OrderJson(baseUrl);
    server.serve(
        new SimRouter(
            options,
            mapper,
            tokens,
            merchants,
            new DisputeEndpoints(store, json, testValues, faults, mapper, options.clock()),
            list,
            new TransactionSearch(store, orderJson, permissions, options.clock()),
            new ShipmentTracking(store, orderJson, permissions, mapper, options.clock()),
            sender,
            faults,
            log,
            server.closing()));
    this.creator = new SimCreator(store, options.clock(), ids);
    this.driver = new SimDriver(store, options.clock());
    this.webhooks = new DisputeWebhooks(store, json, merchants, sender);
    this.accounts = new AccountControls(merchants, tokens);
    this.orders = new OrderControls(store, permissions);
  }

  /** What {@code reader} makes of the dispute; an unknown id is the caller's mistake. */
  <T> T read(String id, Function<SimDispute, T> reader) {
    return store.read(id, reader).orElseThrow(() -> new SimulatorException("no dispute " + id));
  }

  SimDisputes store() {
    return store;
  }

  DisputeJson json() {
    return json;
  }

  SimCreator creator() {
    return creator;
  }

  SimDriver driver() {
    return driver;
  }

  Faults faults() {
    return faults;
  }

  DisputeWebhooks webhooks() {
    return webhooks;
  }

  /** Every request received, oldest first; the router appends to it. */
  List<SimRequest> log() {
    return log;
  }

  AccountControls accounts() {
    return accounts;
  }

  OrderControls orders() {
    return orders;
  }
}
