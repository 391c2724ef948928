package dev.dtrust.spark;

import dev.dtrust.core.model.ModelClient;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ModelClient} from a model spec on a Spark executor; found with {@link
 * java.util.ServiceLoader}. A provider reads secrets (API keys) from the {@link Environment} it is
 * given — the executor's process environment — never from the spec or the options, which travel
 * with the task.
 */
public interface ModelClientProvider {

  /** Whether this provider builds clients for the spec (e.g. {@code spec.startsWith("openai:")}). */
  boolean supports(String spec);

  /**
   * Builds a client.
   *
   * @param spec    the model spec, e.g. {@code openai:gpt-4o-mini}
   * @param options non-secret options (base URL, the name of the variable holding the key, …)
   * @param env     the executor's environment
   */
  ModelClient create(String spec, Map<String, String> options, Environment env);

  /** Where secrets come from on the executor. */
  @FunctionalInterface
  interface Environment {
    /** The value of a variable, or {@code null}. */
    @Nullable String get(String name);

    /** The process environment ({@link System#getenv(String)}). */
    static Environment system() {
      return System::getenv;
    }
  }
}
