package ai.dify.delms.platform.input;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;

/**
 * How strictly every service reads what callers send (docs/security.md, "Parameters and bodies"):
 * JSON that Jackson would silently bend is refused with 400 naming the field (a fraction for an
 * integer, an empty string for a UUID, a lone surrogate in a string, a date with a time), a date
 * parameter outside the database's years is a 400 instead of an overflow further on, and a UUID
 * parameter must be written out in full.
 */
@AutoConfiguration
public class InputAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(UUID.class, config -> config.setCoercion(CoercionInputShape.EmptyString,
                        CoercionAction.Fail))
                // a date is a date: "2026-01-01T00:00:00Z" would otherwise be cut to its day
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .addModule(new SimpleModule("delms-well-formed-strings")
                        .addDeserializer(String.class, new WellFormedStringDeserializer()));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    UuidBinding uuidBinding() {
        return new UuidBinding();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer dateParametersWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new DateParameters());
                registry.addConverter(new UuidParameters());
            }
        };
    }
}
