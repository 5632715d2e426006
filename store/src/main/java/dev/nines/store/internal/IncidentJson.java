package dev.nines.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nines.incident.Subject;
import dev.nines.incident.SubjectKind;
import java.util.ArrayList;
import java.util.List;

/** Impact lists as JSON text: {@code [{"kind":"DATASET","name":"orders"}]}. */
final class IncidentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IncidentJson() {}

  static String writeSubjects(List<Subject> subjects) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Subject subject : subjects) {
      array.addObject().put("kind", subject.kind().name()).put("name", subject.name());
    }
    return array.toString();
  }

  static List<Subject> readSubjects(String json) {
    List<Subject> subjects = new ArrayList<>();
    try {
      for (JsonNode node : MAPPER.readTree(json)) {
        subjects.add(
            new Subject(
                SubjectKind.valueOf(node.path("kind").asText()), node.path("name").asText()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("impact column is not JSON: " + e.getOriginalMessage(), e);
    }
    return subjects;
  }
}
