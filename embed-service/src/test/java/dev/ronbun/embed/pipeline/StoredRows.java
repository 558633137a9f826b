package dev.ronbun.embed.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the pipeline tests read back from embed's database: one query with text parameters. */
final class StoredRows {

    private StoredRows() {
    }

    /** The single number {@code sql} selects (a {@code count(*)}), given its parameters. */
    static long count(DataSource database, String sql, String... parameters) throws SQLException {
        return Long.parseLong(texts(database, sql, parameters).getFirst());
    }

    /**
     * Terms whose document frequency kept in {@code term_document_frequencies} (by triggers) differs from a count of
     * {@code paper_terms}, in one snapshot: zero whenever every change to the terms kept the counts in step.
     */
    static long termCountsOutOfStep(DataSource database) throws SQLException {
        return count(database, """
                select count(*) from (select term, count(*) as papers from paper_terms group by term) counted
                full join term_document_frequencies kept using (term)
                where counted.papers is distinct from kept.papers""");
    }

    /**
     * The number of papers kept in {@code paper_count_changes} (by triggers) less a count of {@code papers}, in one
     * snapshot: zero whenever every insert and delete of papers kept it in step.
     */
    static long paperCountOutOfStep(DataSource database) throws SQLException {
        return count(database, """
                select (select coalesce(sum(papers), 0) from paper_count_changes) - (select count(*) from papers)""");
    }

    /** The first column of every row {@code sql} selects, given its parameters. */
    static List<String> texts(DataSource database, String sql, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
