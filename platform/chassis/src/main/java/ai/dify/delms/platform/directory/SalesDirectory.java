package ai.dify.delms.platform.directory;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import ai.dify.delms.platform.directory.SalesParty.Kind;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.reference.OwnedResource;
import ai.dify.delms.platform.reference.ReferenceLookup;

/**
 * Sales reps and resellers known from sales-service's events: how a service checks a
 * {@code salesRepId} / {@code resellerId} reference, or finds the reseller behind a partner
 * token's code, without calling sales-service (so it works while sales-service is down). Only a
 * reference the directory does not know yet is looked up at sales-service
 * ({@link #resolveSalesRep}, {@link #resolveReseller}; docs/decisions.md, 17).
 * Switched on per service with {@code delms.directory.sales.enabled=true}.
 */
public class SalesDirectory {

    public static final OwnedResource SALES_REPS = new OwnedResource("sales-service", "sales rep",
            "/api/v1/sales-reps/{id}");
    public static final OwnedResource RESELLERS = new OwnedResource("sales-service", "reseller",
            "/api/v1/resellers/{id}");

    private static final String COLUMNS = "select id, kind, code, name, active from sales_party ";

    private final JdbcTemplate jdbc;
    private final ReferenceLookup owner;
    private final Clock clock;

    public SalesDirectory(JdbcTemplate jdbc, ReferenceLookup owner, Clock clock) {
        this.jdbc = jdbc;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * The rep a request names: as the directory knows it, else as sales-service has it now (the
     * directory then knows it, at its version, so its events apply on top). Empty only when
     * sales-service says there is no such rep.
     *
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when sales-service cannot say
     */
    public Optional<SalesParty> resolveSalesRep(UUID id) {
        return salesRep(id).or(() -> learn(Kind.SALES_REP, SALES_REPS, id));
    }

    /** The reseller a request names, like {@link #resolveSalesRep}. */
    public Optional<SalesParty> resolveReseller(UUID id) {
        return reseller(id).or(() -> learn(Kind.RESELLER, RESELLERS, id));
    }

    /**
     * Checks the sales rep and reseller a write names. A newly named one must exist and be active; one
     * the record already names ({@code ...Before}) may stay even after it was deactivated, so an old
     * record stays editable.
     *
     * @throws InvalidFieldException (422) naming the field whose new value is unknown or inactive
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when sales-service cannot say
     */
    public void checkNamedParties(UUID salesRepIdBefore, UUID salesRepId, UUID resellerIdBefore, UUID resellerId) {
        if (salesRepId != null && !salesRepId.equals(salesRepIdBefore)) {
            requireActive(resolveSalesRep(salesRepId), "salesRepId", SALES_REPS.name());
        }
        if (resellerId != null && !resellerId.equals(resellerIdBefore)) {
            requireActive(resolveReseller(resellerId), "resellerId", RESELLERS.name());
        }
    }

    private static void requireActive(Optional<SalesParty> party, String field, String what) {
        if (party.isEmpty()) {
            throw new InvalidFieldException(field, "is not a known " + what);
        }
        if (!party.get().active()) {
            throw new InvalidFieldException(field, "is an inactive " + what);
        }
    }

    public Optional<SalesParty> salesRep(UUID id) {
        return find(COLUMNS + "where id = ? and kind = ?", bytes(id), Kind.SALES_REP.name());
    }

    public Optional<SalesParty> reseller(UUID id) {
        return find(COLUMNS + "where id = ? and kind = ?", bytes(id), Kind.RESELLER.name());
    }

    /**
     * The active reseller whose code a partner token carries as {@code reseller_id}. Empty when no
     * active reseller has it (a deleted or deactivated one stays known by id, not by code), and when
     * two do: a code reused before sales-service stopped issuing codes twice (docs/decisions.md, 23)
     * must not show one reseller's rows to the other's partners.
     */
    public Optional<SalesParty> activeResellerByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        List<SalesParty> active = jdbc.query(COLUMNS + "where kind = ? and code = ? and active limit 2",
                SalesDirectory::party, Kind.RESELLER.name(), code);
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    /**
     * Records what an event says of a rep or reseller, by its id: an older version than the one
     * stored (a replay of the topic) changes nothing, and another reseller's code never makes it
     * touch that reseller's row.
     */
    void describe(SalesParty party, long version) {
        jdbc.update("""
                insert into sales_party (id, kind, code, name, active, version, updated_at) values (?, ?, ?, ?, ?, ?, ?)
                on duplicate key update
                    code = if(values(version) >= version, values(code), code),
                    name = if(values(version) >= version, values(name), name),
                    active = if(values(version) >= version, values(active), active),
                    updated_at = if(values(version) >= version, values(updated_at), updated_at),
                    version = greatest(version, values(version))
                """, bytes(party.id()), party.kind().name(), party.code(), party.name(), party.active(), version,
                Timestamp.from(clock.instant()));
    }

    private Optional<SalesParty> learn(Kind kind, OwnedResource resource, UUID id) {
        return owner.find(resource, id, OwnerParty.class).map(found -> {
            SalesParty party = new SalesParty(id, kind, kind == Kind.RESELLER ? found.code() : null, found.name(),
                    found.active());
            describe(party, found.version());
            return party;
        });
    }

    /** The part of sales-service's rep or reseller the directory keeps. */
    record OwnerParty(String code, String name, boolean active, long version) {
    }

    private Optional<SalesParty> find(String sql, Object... args) {
        return jdbc.query(sql, SalesDirectory::party, args).stream().findFirst();
    }

    private static SalesParty party(ResultSet row, int index) throws SQLException {
        ByteBuffer id = ByteBuffer.wrap(row.getBytes("id"));
        return new SalesParty(new UUID(id.getLong(), id.getLong()), Kind.valueOf(row.getString("kind")),
                row.getString("code"), row.getString("name"), row.getBoolean("active"));
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
