package ai.dify.delms.alert.alert.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An alert's details, a free-form JSON object, kept as JSON text (the same on MySQL and MariaDB). */
@Converter
public class AlertDetailsConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Object> details) {
        return details == null || details.isEmpty() ? null : JSON.writeValueAsString(details);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, OBJECT);
    }
}
