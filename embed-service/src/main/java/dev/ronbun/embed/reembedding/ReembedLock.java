package dev.ronbun.embed.reembedding;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes the re-embed one at a time across all replicas of embed-service: a PostgreSQL session advisory lock, held
 * on a connection of its own for as long as the job runs. If the process dies the connection closes and the lock is
 * released with it, so a crashed job never blocks the next.
 */
final class ReembedLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReembedLock.class);

    /** "ronbun.embed.reembed" as a 64-bit key; any fixed number shared by all replicas would do. */
    private static final long KEY = 0x726f6e62756e5245L;

    private final Connection connection;

    private ReembedLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or empty when another job (on this or another replica) holds it. */
    static Optional<ReembedLock> tryAcquire(AgroalDataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(new ReembedLock(connection));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Unlocks before the connection goes back to the pool, where the session, and so the lock, would live on. */
    @Override
    public void close() {
        try (connection; PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warnf("could not release the re-embed lock cleanly: %s", e.toString());
        }
    }
}
