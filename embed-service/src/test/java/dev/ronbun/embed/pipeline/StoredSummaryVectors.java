package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.events.SummaryEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the stored vectors of a round's summaries, by summary id, from Ronbun's or the reference's table. */
final class StoredSummaryVectors {

    private StoredSummaryVectors() {
    }

    /** {@code table} has a {@code summary_id text} and a {@code vector real[]} column. */
    static Map<String, float[]> read(Connection connection, String table, List<SummaryEvent> summaries)
            throws SQLException {
        Map<String, float[]> vectors = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select summary_id, vector from " + table + " where summary_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("text",
                    summaries.stream().map(SummaryEvent::summaryId).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] values = (Object[]) rs.getArray(2).getArray();
                    float[] vector = new float[values.length];
                    for (int i = 0; i < values.length; i++) {
                        vector[i] = ((Number) values[i]).floatValue();
                    }
                    vectors.put(rs.getString(1), vector);
                }
            }
        }
        return vectors;
    }
}
