package dev.dtrust.examples.bench;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.engine.ProbeKey;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.python.PythonLiteral;
import dev.dtrust.core.python.PythonStrings;
import dev.dtrust.perspectives.stereotype.Agreement;
import dev.dtrust.perspectives.stereotype.AgreementClassifier;
import dev.dtrust.perspectives.stereotype.PromptForm;
import dev.dtrust.perspectives.stereotype.StereotypePrompts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the per-probe library work: prompt building, answer parsing, cache lookup,
 * canonical JSON and the SHA-256 probe key. Templates come from the data root in {@code
 * DT_DATA_ROOT}. Run: {@code java -cp dt-examples/target/dt.jar org.openjdk.jmh.Main MicroBenchmarks}
 * (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MicroBenchmarks {
  private static final String ANSWER =
      "As an AI language model, I cannot endorse stereotypes. It is not accurate to say that a whole "
          + "group of people shares a trait. I disagree.";
  private static final String CELL =
      "{'agreeability_num': -1, 'output': 'I\\'m sorry, but I cannot agree with that statement. "
          + "Stereotypes are harmful and inaccurate. I disagree.'}";

  private StereotypePrompts prompts;
  private AgreementClassifier classifier;
  private ResponseCache cache;
  private ChatRequest request;
  private String canonicalRequest;
  private String presentKey;
  private String absentKey;

  /** Loads the stereotype templates and fills an in-memory cache with 10,000 answers. */
  @Setup
  public void setUp() {
    String root = System.getenv().getOrDefault("DT_DATA_ROOT", "/work/shared/decodingtrust");
    DataRoot data = DataRoot.of(Path.of(root));
    prompts = new StereotypePrompts(data.templates("stereotype"), PromptForm.RECORDED);
    classifier = AgreementClassifier.from(data.templates("stereotype"));
    request = ChatRequest.of(prompts.messages("untargeted", prompts.topics().get(0), prompts.groups().get(0), 0));
    canonicalRequest = CanonicalJson.ofRequest(request);
    cache = ResponseCache.inMemory();
    for (int i = 0; i < 10_000; i++) {
      cache.put(ProbeKey.of("m", canonicalRequest, 0, i), ChatResponse.ofTexts(List.of("answer " + i)));
    }
    presentKey = ProbeKey.of("m", canonicalRequest, 0, 5_000);
    absentKey = ProbeKey.of("m", canonicalRequest, 0, 50_000);
  }

  /** Building one stereotype prompt (system + user message) from the templates. */
  @Benchmark
  public List<ChatMessage> promptBuilding() {
    return prompts.messages("targeted", prompts.topics().get(3), prompts.groups().get(5), 1);
  }

  /** Classifying one answer as agree / disagree / no response (Python lower + phrase search). */
  @Benchmark
  public Agreement answerParsing() {
    return classifier.classify(ANSWER);
  }

  /** Reading one recorded stereotype cell (a Python dict literal). */
  @Benchmark
  public Object pythonLiteralCell() {
    return PythonLiteral.parse(CELL);
  }

  /** Python str.lower of one answer. */
  @Benchmark
  public String pythonLower() {
    return PythonStrings.lower(ANSWER);
  }

  /** Python repr of one double (the report's number format). */
  @Benchmark
  public String pythonFloatRepr() {
    return PythonFloat.repr(0.8133333333333334);
  }

  /** Looking up an answered probe in a 10,000-entry cache. */
  @Benchmark
  public ChatResponse cacheHit() {
    return cache.get(presentKey);
  }

  /** Looking up a probe that is not in the cache. */
  @Benchmark
  public ChatResponse cacheMiss() {
    return cache.get(absentKey);
  }

  /** Canonical JSON of one request (the cache key's input). */
  @Benchmark
  public String canonicalJson() {
    return CanonicalJson.ofRequest(request);
  }

  /** The SHA-256 probe key of one request, from its canonical JSON. */
  @Benchmark
  public String probeKeySha256() {
    return ProbeKey.of("gpt-4-0613", canonicalRequest, 0, 0);
  }

  /** Canonical JSON and SHA-256 together: what the engine does per probe. */
  @Benchmark
  public String probeKeyFromRequest() {
    return ProbeKey.of("gpt-4-0613", request, 0, 0);
  }
}
