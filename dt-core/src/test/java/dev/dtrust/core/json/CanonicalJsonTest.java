package dev.dtrust.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void writesWhatPythonJsonDumpsWrites() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", "user");
    m.put("content", "a\"b\\c\nd\te\u0001f\u007f “é”");
    m.put("Z", List.of(1, 0.1, 1e-5, 1e16, 100.0));
    assertEquals("{\"Z\":[1,0.1,1e-05,1e+16,100.0],\"content\":\"a\\\"b\\\\c\\nd\\te\\u0001f\u007f “é”\",\"role\":\"user\"}",
        CanonicalJson.write(m));
  }

  @Test
  void keysSortByCodePoint() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("\uD83D\uDE00", 1); // U+1F600, sorts after U+FFFD in Python
    m.put("\uFFFD", 2);
    assertEquals("{\"\uFFFD\":2,\"\uD83D\uDE00\":1}", CanonicalJson.write(m));
  }

  @Test
  void messagesHaveNameOnlyWhenSet() {
    assertEquals("[{\"content\":\"hi\",\"role\":\"system\"},{\"content\":\"x\",\"name\":\"example_user\",\"role\":\"system\"}]",
        CanonicalJson.ofMessages(List.of(ChatMessage.system("hi"), new ChatMessage("system", "x", "example_user"))));
  }

  @Test
  void requestsOmitAbsentFields() {
    ChatRequest r = new ChatRequest(List.of(ChatMessage.user("q")), 1.0, 150, null, 25, null, null);
    assertEquals("{\"max_tokens\":150,\"messages\":[{\"content\":\"q\",\"role\":\"user\"}],\"n\":25,\"temperature\":1.0}",
        CanonicalJson.ofRequest(r));
  }
}
