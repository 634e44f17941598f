package ai.dify.delms.license.license;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

/** A request body field that cannot be read as its type (e.g. a date that is not a date): 400. */
class InvalidBodyException extends RuntimeException {

    private final String field;

    InvalidBodyException(String field, String message) {
        super(message);
        this.field = field;
    }

    static InvalidBodyException of(JacksonException e) {
        String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
        return new InvalidBodyException(field.isEmpty() ? "body" : field, "has an invalid value");
    }

    String field() {
        return field;
    }
}
