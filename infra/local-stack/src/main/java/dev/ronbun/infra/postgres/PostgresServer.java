package dev.ronbun.infra.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that Ronbun's databases live on, embedded or external: how to reach it and how to
 * create a database on it. Each service gets its own database on the same server.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     a user allowed to create databases
 * @param password that user's password (ignored by the embedded server, which trusts local connections)
 */
public record PostgresServer(String host, int port, String user, String password) {

    /** The maintenance database that exists on every server; databases are created from a connection to it. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The server that a JDBC URL such as {@code jdbc:postgresql://db.example:5432/any} points at. */
    public static PostgresServer fromJdbcUrl(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new PostgresServer(uri.getHost(), port, user, password);
    }

    /** The JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
    }

    /** Opens a connection to one database on this server. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates the database unless it exists; returns whether it had to be created. */
    public boolean createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            // The name goes into CREATE DATABASE, which takes no bind parameters.
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        try (Connection connection = connect(MAINTENANCE_DATABASE)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
                return true;
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return false; // created concurrently by another caller
            }
            throw new IllegalStateException("Could not create database " + database + " on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }
}
