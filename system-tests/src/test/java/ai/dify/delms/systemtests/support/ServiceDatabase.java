package ai.dify.delms.systemtests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.dify.delms.systemtests.support.SystemUnderTest.DatabaseLogin;

/**
 * Read-only queries on one service's own database: the fault suite counts what each read model
 * holds row by row, which no API shows exactly; the fuzz suite checks that refused requests wrote
 * nothing. A new connection per query, so a database restart in the middle of a scenario costs a
 * failed query, not a broken test.
 */
public final class ServiceDatabase {

    private final DatabaseLogin login;

    private ServiceDatabase(DatabaseLogin login) {
        this.login = login;
    }

    /** license, customer, sales, deployment or alert. */
    public static ServiceDatabase of(String name) {
        return new ServiceDatabase(SystemUnderTest.database(name));
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(login.url(), login.user(), login.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = result.getObject(c);
                        row.put(meta.getColumnLabel(c), value == null ? null : value.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + login.url() + " failed: " + sql, e);
        }
    }

    public long count(String sql, Object... args) {
        return Long.parseLong(String.valueOf(rows(sql, args).get(0).values().iterator().next()));
    }

    /** An {@code in (?, ?, ...)} list for the given number of values. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
