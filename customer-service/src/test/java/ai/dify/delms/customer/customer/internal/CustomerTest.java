package ai.dify.delms.customer.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.platform.problem.ConflictException;

/**
 * A customer's own rules ({@link Customer}): when two names are the same customer, what counts as a
 * change, and that a customer with licenses cannot be deleted.
 */
class CustomerTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-02-05T09:00:00Z");
    private static final UUID REP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final CustomerDetails ACME = new CustomerDetails("Acme Corp", "Manufacturing", "EMEA", "Germany",
            "Ada Lovelace", "ada@acme.example", "+49 30 1234", REP, null, "key account");

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" are the same customer: {2}")
    @CsvSource({
            "Acme Corp,          Acme Corp,     true",
            "Acme Corp,          ACME CORP,     true",
            "Acme Corp,          '  acme corp ', true",
            "Acme Corp,          'Acme   Corp', true",
            "Acme Corp,          'Acme\tCorp',  true",
            "Acme Corp,          AcmeCorp,      false",
            "Acme Corp,          Acme Corp.,    false",
            "Acme Corp,          Acme Co,       false"})
    void namesThatDifferOnlyInCaseAndSpacingAreTheSameCustomer(String one, String other, boolean same) {
        assertThat(Customer.nameKey(one).equals(Customer.nameKey(other))).isEqualTo(same);
    }

    @Test
    void aNewCustomerKeepsItsNameWithoutSurroundingSpaces() {
        Customer customer = new Customer(withName(ACME, "  Acme Corp \t"), "sam", CREATED);

        assertThat(customer.getName()).isEqualTo("Acme Corp");
        assertThat(customer.getId()).isNotNull();
        assertThat(customer.getCreatedBy()).isEqualTo("sam");
        assertThat(customer.getUpdatedAt()).isEqualTo(CREATED);
    }

    /** Each row changes one field of {@link #ACME}; the name as shown counts, surrounding spaces do not. */
    @ParameterizedTest(name = "{0} = \"{1}\": changed {2}")
    @CsvSource(nullValues = "-", value = {
            "name,         Acme Corp,             false",
            "name,         '  Acme Corp  ',       false",
            "name,         ACME Corp,             true",
            "name,         'Acme  Corp',          true",
            "industry,     Retail,                true",
            "industry,     -,                     true",
            "region,       APAC,                  true",
            "country,      Austria,               true",
            "contactName,  Grace Hopper,          true",
            "contactEmail, grace@acme.example,    true",
            "contactPhone, -,                     true",
            "salesRepId,   -,                     true",
            "resellerId,   00000000-0000-0000-0000-0000000000b2, true",
            "notes,        key account,           false",
            "notes,        -,                     true"})
    void onlyADifferentValueIsAChange(String field, String value, boolean changed) {
        Customer customer = new Customer(ACME, "sam", CREATED);

        boolean updated = customer.update(with(ACME, field, value), "alice", NOW);

        assertThat(updated).isEqualTo(changed);
        assertThat(customer.getUpdatedBy()).isEqualTo(changed ? "alice" : "sam");
        assertThat(customer.getUpdatedAt()).isEqualTo(changed ? NOW : CREATED);
        if (changed) {
            assertThat(CustomerDetails.of(customer)).isEqualTo(with(ACME, field, value == null ? null : value.strip()));
        }
    }

    @ParameterizedTest(name = "{0} licenses: {1}")
    @CsvSource(nullValues = "-", value = {
            "0, -",
            "1, has 1 license and cannot be deleted.",
            "2, has 2 licenses and cannot be deleted.",
            "40, has 40 licenses and cannot be deleted."})
    void onlyACustomerWithoutLicensesCanBeDeleted(long licenses, String refusal) {
        Customer customer = new Customer(ACME, "sam", CREATED);

        if (refusal == null) {
            assertThatCode(() -> customer.checkDeletable(licenses)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> customer.checkDeletable(licenses)).isInstanceOf(ConflictException.class)
                    .hasMessage("Customer " + customer.getId() + " " + refusal);
        }
    }

    private static CustomerDetails withName(CustomerDetails d, String name) {
        return with(d, "name", name);
    }

    private static CustomerDetails with(CustomerDetails d, String field, String value) {
        return new CustomerDetails(
                field.equals("name") ? value : d.name(),
                field.equals("industry") ? value : d.industry(),
                field.equals("region") ? value : d.region(),
                field.equals("country") ? value : d.country(),
                field.equals("contactName") ? value : d.contactName(),
                field.equals("contactEmail") ? value : d.contactEmail(),
                field.equals("contactPhone") ? value : d.contactPhone(),
                field.equals("salesRepId") ? uuid(value) : d.salesRepId(),
                field.equals("resellerId") ? uuid(value) : d.resellerId(),
                field.equals("notes") ? value : d.notes());
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
