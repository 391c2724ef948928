package dev.dtrust.clients.testing;

import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.Usage;
import java.util.List;
import org.junit.jupiter.api.AutoClose;

/**
 * The conformance kit for a client that speaks HTTP: the fake is a {@link FakeServer}, fresh for
 * every test and closed after it. The transport is the kit's — requests received are the
 * server's, a connection reset is the server's, a stall is an ordinary answer that takes a minute
 * — so a test says how its client is built against {@link #server} and supplies its provider's
 * bodies.
 *
 * @param <C> the client under test
 */
public abstract class HttpClientConformance<C extends ModelClient> extends ModelClientConformance {
  /** The provider's fake. */
  @AutoClose protected final FakeServer server = new FakeServer();

  @AutoClose private C client;

  /** The client under test, pointed at {@code server.url(…)}; called once per test. */
  protected abstract C newClient(FakeServer server);

  @Override
  protected final C client() {
    if (client == null) {
      client = newClient(server);
    }
    return client;
  }

  /** The next request fails with the provider's HTTP error answer for {@code failure}. */
  protected abstract void answerError(Failure failure);

  @Override
  protected final void fail(Failure failure) {
    if (failure == Failure.CONNECTION_RESET) {
      server.reset();
    } else {
      answerError(failure);
    }
  }

  @Override
  protected final void stall() {
    server.delayNextAnswer();
    answer(List.of("late"), new Usage(1, 1));
  }

  @Override
  protected long requestsReceived() {
    return server.requests();
  }
}
