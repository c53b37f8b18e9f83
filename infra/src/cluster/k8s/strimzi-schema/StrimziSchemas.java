import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a strict JSON Schema for each Strimzi kind Polku deploys, named as kubeconform looks
 * them up (`<kind>-kafka-v1beta2.json`), from the classes Strimzi's operator reads the custom
 * resources into. Properties come from the model's getters and Jackson annotations; anything
 * the model does not name is refused (the model's catch-all `additionalProperties` map and the
 * operator-written `status` are left out), so a misspelt field fails validation.
 */
public final class StrimziSchemas {
  private static final Map<String, String> KINDS = Map.of(
      "kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
      "kafkanodepool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
      "kafkatopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
      "kafkauser", "io.strimzi.api.kafka.model.user.KafkaUser");

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.RESPECT_JSONPROPERTY_ORDER))
        .with(Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS, Option.NONSTATIC_NONVOID_NONGETTER_METHODS, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.NULLABLE_FIELDS_BY_DEFAULT)
        .without(Option.VOID_METHODS, Option.GETTER_METHODS);
    config.forFields().withIgnoreCheck(field -> ignored(field.getDeclaredName()));
    // Kubernetes writes these as scalars; their Java classes are objects only on the inside.
    config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
      String name = type.getErasedType().getName();
      if (name.equals("io.fabric8.kubernetes.api.model.Quantity") || name.equals("io.fabric8.kubernetes.api.model.IntOrString")) {
        return new CustomDefinition(context.getGeneratorConfig().createObjectNode().set("type", context.getGeneratorConfig().createArrayNode().add("string").add("integer").add("number")));
      }
      return null;
    });
    config.forMethods().withIgnoreCheck(method -> !method.getDeclaredName().startsWith("get") && !method.getDeclaredName().startsWith("is") || ignored(method.getDeclaredName()));
    SchemaGenerator generator = new SchemaGenerator(config.build());
    ObjectMapper mapper = new ObjectMapper();
    for (Map.Entry<String, String> kind : KINDS.entrySet()) {
      JsonNode schema = generator.generateSchema(Class.forName(kind.getValue()));
      Files.writeString(out.resolve(kind.getKey() + "-kafka-v1beta2.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
    }
  }

  private static boolean ignored(String name) {
    return name.equals("additionalProperties") || name.equals("getAdditionalProperties") || name.equals("status") || name.equals("getStatus");
  }
}
