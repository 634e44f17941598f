package ai.dify.delms.customer.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a new or replaced customer must have (400 naming the field otherwise): a name, a region and a
 * contact email that is one, each within its length. The same rules apply to create and update.
 */
class CustomerRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        // messages are not looked at: no expression language needed to build them
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    /** {@code value} replaces one field of a valid customer; {@code length} makes it that many characters. */
    @ParameterizedTest(name = "{0} = \"{1}\" x{2}: refused {3}")
    @CsvSource(nullValues = "-", value = {
            "name,         Acme,               1,     false",
            "name,         -,                  1,     true",
            "name,         '   ',              1,     true",
            "name,         n,                  200,   false",
            "name,         n,                  201,   true",
            "region,       -,                  1,     true",
            "region,       '',                 1,     true",
            "region,       r,                  50,    false",
            "region,       r,                  51,    true",
            "industry,     -,                  1,     false",
            "industry,     i,                  101,   true",
            "country,      c,                  101,   true",
            "contactName,  c,                  201,   true",
            "contactPhone, 1,                  51,    true",
            "contactEmail, ada@acme.example,   1,     false",
            "contactEmail, not-an-email,       1,     true",
            "contactEmail, -,                  1,     true",
            "notes,        n,                  10000, false",
            "notes,        n,                  10001, true"})
    void aCustomerNeedsANameARegionAndAContactEmail(String field, String value, int length, boolean refused) {
        String sent = value == null ? null : value.repeat(length);

        assertThat(violatedFields(newCustomer(field, sent))).isEqualTo(refused ? Set.of(field) : Set.of());
        assertThat(violatedFields(update(field, sent))).isEqualTo(refused ? Set.of(field) : Set.of());
    }

    private static Set<String> violatedFields(Object request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static NewCustomerRequest newCustomer(String field, String value) {
        return new NewCustomerRequest(
                field.equals("name") ? value : "Acme Corp",
                field.equals("industry") ? value : "Manufacturing",
                field.equals("region") ? value : "EMEA",
                field.equals("country") ? value : "Germany",
                field.equals("contactName") ? value : "Ada Lovelace",
                field.equals("contactEmail") ? value : "ada@acme.example",
                field.equals("contactPhone") ? value : "+49 30 1234",
                null, null,
                field.equals("notes") ? value : null);
    }

    private static CustomerUpdateRequest update(String field, String value) {
        NewCustomerRequest c = newCustomer(field, value);
        return new CustomerUpdateRequest(c.name(), c.industry(), c.region(), c.country(), c.contactName(),
                c.contactEmail(), c.contactPhone(), c.salesRepId(), c.resellerId(), c.notes(), 3L);
    }
}
