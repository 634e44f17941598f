package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ai.dify.delms.platform.problem.InvalidFieldException;

/**
 * Staff edits of a license ({@code PUT /licenses/{id}}): which fields change, what the change log
 * is told, the rules the result must satisfy, and the fields an edit may only repeat.
 */
class LicenseUpdateTest {

    private static final LocalDate EXPIRY = LocalDate.parse("2026-06-30");
    private static final Instant LATER = Licenses.NOW.plusSeconds(3600);
    private static final UUID REP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    /** The license starts as {@link Licenses#subscription}: no rep, reseller or notes, 2025-07-01 to 2026-06-30, 10/100. */
    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "salesRepId,           00000000-0000-0000-0000-0000000000a1, -,          00000000-0000-0000-0000-0000000000a1",
            "resellerId,           00000000-0000-0000-0000-0000000000b2, -,          00000000-0000-0000-0000-0000000000b2",
            "orderDate,            2025-06-15,                           2025-07-01, 2025-06-15",
            "startDate,            2025-08-01,                           2025-07-01, 2025-08-01",
            "expiryDate,           2026-03-31,                           2026-06-30, 2026-03-31",
            "authorizedWorkspaces, 4,                                    10,         4",
            "authorizedUsers,      250,                                  100,        250",
            "notes,                call before renewal,                  -,          call before renewal"})
    void anEditChangesTheFieldAndReportsOnlyIt(String field, String value, String oldValue, String newValue) {
        License license = Licenses.subscription(LicenseStatus.IN_USE, EXPIRY);
        LicenseEdit wanted = withField(license.editable(), field, value);

        List<FieldChange> changes = license.update(wanted, "alice2", LATER);

        assertThat(changes).containsExactly(new FieldChange(field, oldValue, newValue));
        assertThat(license.editable()).isEqualTo(wanted);
        assertThat(license.getUpdatedBy()).isEqualTo("alice2");
        assertThat(license.getUpdatedAt()).isEqualTo(LATER);
        assertThat(license.getStatus()).as("an edit never changes the status").isEqualTo(LicenseStatus.IN_USE);
    }

    @Test
    void anEditOfSeveralFieldsReportsThemInTheOrderOfTheLicense() {
        License license = Licenses.subscription(LicenseStatus.IN_USE, EXPIRY);
        LicenseEdit e = license.editable();

        List<FieldChange> changes = license.update(new LicenseEdit(REP, e.resellerId(), e.orderDate(), e.startDate(),
                LocalDate.parse("2027-06-30"), e.authorizedWorkspaces(), 120, "renewed by phone"), "alice2", LATER);

        assertThat(changes).extracting(FieldChange::field)
                .containsExactly("salesRepId", "expiryDate", "authorizedUsers", "notes");
    }

    @Test
    void anEditThatRepeatsTheLicenseChangesNothingAndTouchesNothing() {
        License license = Licenses.subscription(LicenseStatus.IN_USE, EXPIRY);
        Instant updatedAt = license.getUpdatedAt();
        String updatedBy = license.getUpdatedBy();

        List<FieldChange> changes = license.update(license.editable(), "alice2", LATER);

        assertThat(changes).isEmpty();
        assertThat(license.getUpdatedAt()).isEqualTo(updatedAt);
        assertThat(license.getUpdatedBy()).isEqualTo(updatedBy);
    }

    /** An edit must leave terms that could have been created; a refused one changes nothing. */
    @ParameterizedTest(name = "{0} license {1}..{2}..{3} limits {4}/{5}: {6}")
    @CsvSource(nullValues = "-", value = {
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2025-07-02, 1, 1,  -",
            "SUBSCRIPTION, 2024-02-29, 2024-02-29, 2028-02-29, 1, 1,  -",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2025-07-01, 1, 1,  expiryDate",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2025-06-30, 1, 1,  expiryDate",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, -,          1, 1,  expiryDate",
            "TRIAL,        2025-07-01, 2025-07-01, -,          1, 1,  expiryDate",
            "PERPETUAL,    2025-07-01, 2025-07-01, 2030-01-01, 1, 1,  expiryDate",
            "PERPETUAL,    2025-07-01, 2025-07-01, -,          1, 1,  -",
            "SUBSCRIPTION, 2025-07-02, 2025-07-01, 2026-06-30, 1, 1,  startDate",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2026-06-30, 0, 1,  authorizedWorkspaces",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2026-06-30, 1, 0,  authorizedUsers",
            "SUBSCRIPTION, 2025-07-01, 2025-07-01, 2026-06-30, -3, 1, authorizedWorkspaces"})
    void anEditIsCheckedLikeANewLicense(LicenseType type, LocalDate order, LocalDate start, LocalDate expiry,
            int workspaces, int users, String refusedField) {
        License license = Licenses.license(type, LicenseStatus.IN_USE, type.expires() ? EXPIRY : null, 10, 100, "ENT");
        LicenseEdit before = license.editable();
        LicenseEdit edit = new LicenseEdit(REP, null, order, start, expiry, workspaces, users, "edited");

        if (refusedField == null) {
            assertThatCode(() -> license.update(edit, "alice2", LATER)).doesNotThrowAnyException();
            assertThat(license.editable()).isEqualTo(edit);
        } else {
            assertThatThrownBy(() -> license.update(edit, "alice2", LATER))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo(refusedField));
            assertThat(license.editable()).isEqualTo(before);
        }
    }

    static Stream<Arguments> readOnlyFields() {
        License license = Licenses.subscription(LicenseStatus.IN_USE, EXPIRY);
        UUID customer = license.getCustomerId();
        return Stream.of(
                Arguments.of("nothing sent", update(null, null, null, null, null), null),
                Arguments.of("id repeated", update("ENT-202507-000001", null, null, null, null), null),
                Arguments.of("id changed", update("ENT-202507-000002", null, null, null, null), "id"),
                Arguments.of("productType repeated", update(null, "ENT", null, null, null), null),
                Arguments.of("productType changed", update(null, "PRO", null, null, null), "productType"),
                Arguments.of("licenseType repeated", update(null, null, LicenseType.SUBSCRIPTION, null, null), null),
                Arguments.of("licenseType changed", update(null, null, LicenseType.TRIAL, null, null), "licenseType"),
                Arguments.of("status repeated", update(null, null, null, LicenseStatus.IN_USE, null), null),
                Arguments.of("status changed", update(null, null, null, LicenseStatus.SUSPENDED, null), "status"),
                Arguments.of("customerId repeated", update(null, null, null, null, customer), null),
                Arguments.of("customerId changed", update(null, null, null, null, UUID.randomUUID()), "customerId"),
                Arguments.of("all repeated", update("ENT-202507-000001", "ENT", LicenseType.SUBSCRIPTION,
                        LicenseStatus.IN_USE, customer), null),
                Arguments.of("id and status changed", update("ENT-202507-000002", "ENT", LicenseType.SUBSCRIPTION,
                        LicenseStatus.EXPIRED, customer), "id"))
                .map(arguments -> Arguments.of(arguments.get()[0], license, arguments.get()[1], arguments.get()[2]));
    }

    /** A client may send back what it read; a different value of a field fixed at creation is refused. */
    @ParameterizedTest(name = "{0}: refused {3}")
    @MethodSource("readOnlyFields")
    void readOnlyFieldsMayBeRepeatedButNotChanged(String sent, License license, LicenseUpdate update,
            String refusedField) {
        if (refusedField == null) {
            assertThatCode(() -> update.checkReadOnlyFieldsOf(license)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> update.checkReadOnlyFieldsOf(license))
                    .isInstanceOfSatisfying(ReadOnlyFieldException.class,
                            e -> assertThat(e.field()).isEqualTo(refusedField));
        }
    }

    private static LicenseUpdate update(String id, String productType, LicenseType licenseType, LicenseStatus status,
            UUID customerId) {
        return new LicenseUpdate(null, null, id, productType, licenseType, status, customerId);
    }

    private static LicenseEdit withField(LicenseEdit e, String field, String value) {
        return new LicenseEdit(
                field.equals("salesRepId") ? UUID.fromString(value) : e.salesRepId(),
                field.equals("resellerId") ? UUID.fromString(value) : e.resellerId(),
                field.equals("orderDate") ? LocalDate.parse(value) : e.orderDate(),
                field.equals("startDate") ? LocalDate.parse(value) : e.startDate(),
                field.equals("expiryDate") ? LocalDate.parse(value) : e.expiryDate(),
                field.equals("authorizedWorkspaces") ? Integer.parseInt(value) : e.authorizedWorkspaces(),
                field.equals("authorizedUsers") ? Integer.parseInt(value) : e.authorizedUsers(),
                field.equals("notes") ? value : e.notes());
    }
}
