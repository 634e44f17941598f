package ai.dify.delms.platform.test.db;

/** A fresh database of the test server for one test context. */
public record TestDatabase(String jdbcUrl, String username, String password, String name) {
}
