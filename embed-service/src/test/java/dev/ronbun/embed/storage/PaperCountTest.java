package dev.ronbun.embed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The number of papers kept beside the papers table (migration V9, {@link PaperCount}) equals a count of the papers
 * as papers are inserted and deleted, when the changes are folded into one row, and when another writer has not
 * committed yet while they are folded.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_passage_cache"))
class PaperCountTest {

    private static final String KEYS = "paper-count-test:";
    private static final int ADDED = PaperCount.FOLD_AFTER + 44;

    @Inject
    StoredPapers stored;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theKeptCountIsACountOfThePapersThroughInsertsDeletesFoldsAndAWriterNotYetCommitted() throws SQLException {
        long before = number("select count(*) from papers");
        assertThat(stored.paperCount()).isEqualTo(before);
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            insertPaper(late, "late");
            try (Connection connection = dataSource.getConnection()) {
                for (int i = 0; i < ADDED; i++) {
                    insertPaper(connection, Integer.toString(i)); // a statement, and so a change row, each
                }
            }
            assertThat(number("select count(*) from paper_count_changes")).isGreaterThan(PaperCount.FOLD_AFTER);

            assertThat(stored.paperCount()).as("read while folding").isEqualTo(before + ADDED);
            assertThat(number("select count(*) from paper_count_changes")).as("folded into one row").isEqualTo(1);
            assertThat(stored.paperCount()).as("read after folding").isEqualTo(before + ADDED);

            late.commit();
        }
        assertThat(stored.paperCount()).as("the late writer's paper, not folded away").isEqualTo(before + ADDED + 1);
        assertThat(number("select count(*) from papers")).isEqualTo(before + ADDED + 1);

        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from papers where paper_key like '" + KEYS + "%'");
        }
        assertThat(stored.paperCount()).isEqualTo(before);
        assertThat(number("select (select coalesce(sum(papers), 0) from paper_count_changes)"
                + " - (select count(*) from papers)")).isZero();
    }

    private static void insertPaper(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into papers (paper_id, paper_key, kind, first_seen_at, updated_at)
                values (gen_random_uuid(), ?, 'paper', now(), now())""")) {
            insert.setString(1, KEYS + key);
            insert.executeUpdate();
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
