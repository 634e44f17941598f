package ai.dify.delms.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.platform.problem.InvalidFieldException;

/**
 * The sales rep and reseller a customer or license names ({@link SalesDirectory#checkNamedParties}): a
 * newly named one must be known and active; the one already named may stay after its deactivation, and
 * is not looked up again.
 */
class SalesDirectoryNamedPartiesTest {

    private static final UUID OLD = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    /** {@code named}: none, the customer's current one (OLD) or another (NEW); {@code directory}: what it says of it. */
    @ParameterizedTest(name = "{0}: {1} named, {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "salesRep, none,    -,           -",
            "salesRep, current, deactivated, -",
            "salesRep, current, unknown,     -",
            "salesRep, other,   active,      -",
            "salesRep, other,   deactivated, 'salesRepId: is an inactive sales rep'",
            "salesRep, other,   unknown,     'salesRepId: is not a known sales rep'",
            "reseller, none,    -,           -",
            "reseller, current, deactivated, -",
            "reseller, other,   active,      -",
            "reseller, other,   deactivated, 'resellerId: is an inactive reseller'",
            "reseller, other,   unknown,     'resellerId: is not a known reseller'"})
    void aNewlyNamedPartyMustBeKnownAndActive(String kind, String named, String directoryState, String refusal) {
        UUID id = switch (named) {
            case "none" -> null;
            case "current" -> OLD;
            default -> NEW;
        };
        Optional<SalesParty> party = directoryState == null || directoryState.equals("unknown") ? Optional.empty()
                : Optional.of(new SalesParty(id, kind.equals("salesRep") ? SalesParty.Kind.SALES_REP
                        : SalesParty.Kind.RESELLER, null, "Someone", directoryState.equals("active")));
        List<UUID> asked = new ArrayList<>();
        SalesDirectory directory = new SalesDirectory(null, null, null) {
            @Override
            public Optional<SalesParty> resolveSalesRep(UUID rep) {
                asked.add(rep);
                return party;
            }

            @Override
            public Optional<SalesParty> resolveReseller(UUID reseller) {
                asked.add(reseller);
                return party;
            }
        };
        Runnable check = kind.equals("salesRep") ? () -> directory.checkNamedParties(OLD, id, null, null)
                : () -> directory.checkNamedParties(null, null, OLD, id);

        if (refusal == null) {
            assertThatCode(check::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidFieldException.class,
                    e -> assertThat(e.field() + ": " + e.getMessage()).isEqualTo(refusal));
        }
        assertThat(asked).as("looked up").isEqualTo("other".equals(named) ? List.of(NEW) : List.of());
    }
}
