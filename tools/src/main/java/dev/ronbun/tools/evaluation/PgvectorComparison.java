package dev.ronbun.tools.evaluation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * pgvector's HNSW beside our Lucene HNSW, for {@link IndexBenchmark}'s {@code --pgvector JDBC_URL}. The obvious
 * alternative to an embedded Lucene index is a vector column in a PostgreSQL we already run, so the benchmark answers
 * "how does that compare" with the same vectors, the same queries, the same exact answers and the same machine in the
 * same run, instead of with numbers from someone else's benchmark.
 *
 * <p>It loads the N synthetic vectors as Lucene indexed them (regenerated from their numbers and centred on the
 * index's mean, float for float) into
 * {@code ronbun_bench_vectors} with COPY, builds {@code hnsw (embedding vector_ip_ops) with (m = 16,
 * ef_construction = 100)}, which matches Lucene's maxConn 16 and beamWidth 100 (inner product is cosine on these unit
 * vectors), then times the recall queries over JDBC with a prepared statement and scores them against the exact
 * top 10. Lucene is timed again on the very same queries so that the ratio lines compare like with like. pgvector's
 * times include a localhost round trip and the parsing of the query vector's text, which is what a service calling it
 * would pay too.
 */
final class PgvectorComparison {

    private static final String TABLE = "ronbun_bench_vectors";
    private static final String SEARCH = "select id from " + TABLE + " order by embedding <#> ?::vector limit ?";
    /**
     * The same search under a text of its own: PostgreSQL keeps a prepared statement's cached plan when
     * {@code enable_indexscan} changes, and the driver would reuse the HNSW search's prepared statement.
     */
    private static final String EXACT_SEARCH = "/* exact */ " + SEARCH;
    private static final int COPY_BATCH_ROWS = 1_000;
    private static final int BRUTE_FORCE_QUERIES = 5;

    /** The recall queries and, for each, the paper numbers of its exact 10 nearest papers. */
    record RecallQueries(float[][] vectors, List<Set<Integer>> exactTop10) {
    }

    /** Latency of one way of searching, sorted, with its recall@10 (NaN where not measured). */
    private record Latency(String what, long[] sortedNanos, double recallAt10) {

        double p50Ms() {
            return IndexBenchmark.percentile(sortedNanos, 0.50) / 1e6;
        }

        double p99Ms() {
            return IndexBenchmark.percentile(sortedNanos, 0.99) / 1e6;
        }

        double meanMs() {
            return Arrays.stream(sortedNanos).average().orElse(0) / 1e6;
        }
    }

    private final String url;
    private final IntFunction<float[]> vectors;
    private final int papers;
    private final int dimension;

    /** @param vectors paper number to its vector as the Lucene index stores it */
    PgvectorComparison(String url, IntFunction<float[]> vectors, int papers, int dimension) {
        this.url = url;
        this.vectors = vectors;
        this.papers = papers;
        this.dimension = dimension;
    }

    /** Loads, indexes and measures pgvector, times {@code lucene} (query, k) on the same queries, prints both. */
    void run(RecallQueries queries, ObjIntConsumer<float[]> lucene) throws SQLException {
        String[] texts = Arrays.stream(queries.vectors()).map(PgvectorComparison::text).toArray(String[]::new);
        try (Connection db = DriverManager.getConnection(url)) {
            load(db);
            buildIndex(db);
            reportSize(db);
            checkPlan(db, SEARCH, texts[0], true);
            Latency pg10 = search(db, queries, texts, 10, 40);
            Latency pg10Wide = search(db, queries, texts, 10, 100);
            Latency pg100 = search(db, queries, texts, 100, 100);
            bruteForce(db, queries, texts);
            Latency lucene10 = time("Lucene kNN (k=10)", queries.vectors(), q -> lucene.accept(q, 10));
            Latency lucene100 = time("Lucene kNN (k=100)", queries.vectors(), q -> lucene.accept(q, 100));
            report(lucene10);
            report(lucene100);
            ratio(lucene10, pg10);
            ratio(lucene10, pg10Wide);
            ratio(lucene100, pg100);
        }
    }

    private void load(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("create extension if not exists vector");
            sql.execute("drop table if exists " + TABLE);
            sql.execute("create table " + TABLE + " (id int primary key, embedding vector(" + dimension + "))");
            // from about 500 dimensions (2 KiB) a row would otherwise go out of line to TOAST; inline, as pgvector's
            // README suggests, the exact scan reads each vector from the heap without a TOAST lookup per row
            sql.execute("alter table " + TABLE + " alter column embedding set storage plain");
        }
        long start = System.nanoTime();
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + TABLE + " from stdin");
        try {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < papers; i++) {
                rows.append(i).append('\t').append(text(vectors.apply(i))).append('\n');
                if (i % COPY_BATCH_ROWS == COPY_BATCH_ROWS - 1 || i == papers - 1) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        double loadSeconds = IndexBenchmark.seconds(start);
        try (Statement sql = db.createStatement()) {
            // so that the planner knows the table's size, as it would for a table in use
            sql.execute("analyze " + TABLE);
        }
        System.out.printf("pgvector load: %.1f s (%.0f vectors/s, COPY of vectors regenerated here, primary key "
                + "included)%n", loadSeconds, papers / loadSeconds);
    }

    private void buildIndex(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            long start = System.nanoTime();
            sql.execute("create index " + TABLE + "_hnsw on " + TABLE
                    + " using hnsw (embedding vector_ip_ops) with (m = 16, ef_construction = 100)");
            double buildSeconds = IndexBenchmark.seconds(start);
            // pgvector notes here when the graph outgrows maintenance_work_mem, which slows the build a lot; read
            // before the next statement clears them
            SQLWarning notices = sql.getWarnings();
            System.out.printf("pgvector HNSW build (m=16, ef_construction=100): %.1f s (%.0f vectors/s), "
                    + "maintenance_work_mem %s, max_parallel_maintenance_workers %s%n", buildSeconds,
                    papers / buildSeconds, setting(sql, "maintenance_work_mem"),
                    setting(sql, "max_parallel_maintenance_workers"));
            for (SQLWarning notice = notices; notice != null; notice = notice.getNextWarning()) {
                System.out.printf("  pgvector: %s%n", notice.getMessage());
            }
        }
    }

    private static void reportSize(Connection db) throws SQLException {
        try (Statement sql = db.createStatement();
             ResultSet sizes = sql.executeQuery("select pg_total_relation_size('" + TABLE + "'), pg_relation_size('"
                     + TABLE + "_hnsw')")) {
            sizes.next();
            System.out.printf("pgvector size: %.0f MiB table with indexes, of which %.0f MiB the HNSW index%n",
                    sizes.getLong(1) / 1048576.0, sizes.getLong(2) / 1048576.0);
        }
    }

    /**
     * Fails unless the planner does (or does not) use the HNSW index for the statement: otherwise a table scan's
     * timings would be printed as HNSW ones, or the other way round.
     */
    private static void checkPlan(Connection db, String statement, String query, boolean hnsw) throws SQLException {
        try (PreparedStatement explain = db.prepareStatement("explain " + statement)) {
            explain.setString(1, query);
            explain.setInt(2, 10);
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            if (plan.toString().contains(TABLE + "_hnsw") != hnsw) {
                throw new IllegalStateException("unexpected plan for " + statement + ":\n" + plan);
            }
        }
    }

    private static Latency search(Connection db, RecallQueries queries, String[] texts, int k, int efSearch)
            throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("set hnsw.ef_search = " + efSearch);
        }
        Latency latency = pgvector("pgvector HNSW (k=%d, ef_search=%d)".formatted(k, efSearch), db, SEARCH, queries,
                texts, texts.length, k);
        report(latency);
        return latency;
    }

    /** The exact answer in pgvector: the same statement with index scans off, so a scan and a top-k sort. */
    private static void bruteForce(Connection db, RecallQueries queries, String[] texts) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("set enable_indexscan = off");
            checkPlan(db, EXACT_SEARCH, texts[0], false);
            String what = "pgvector brute force (k=10, no index, max_parallel_workers_per_gather %s)"
                    .formatted(setting(sql, "max_parallel_workers_per_gather"));
            report(pgvector(what, db, EXACT_SEARCH, queries, texts, Math.min(BRUTE_FORCE_QUERIES, texts.length), 10));
            sql.execute("reset enable_indexscan");
        }
    }

    /**
     * The first {@code count} queries, each timed once after a warm-up pass that also lets the driver switch to a
     * server-side prepared statement (after five executions), as a long-lived service would have done.
     */
    private static Latency pgvector(String what, Connection db, String statement, RecallQueries queries,
                                    String[] texts, int count, int k) throws SQLException {
        try (PreparedStatement search = db.prepareStatement(statement)) {
            search.setInt(2, k);
            for (int q = 0; q < Math.min(count, 50); q++) {
                ids(search, texts[q]);
            }
            long[] nanos = new long[count];
            double recall = 0;
            for (int q = 0; q < count; q++) {
                long start = System.nanoTime();
                List<Integer> found = ids(search, texts[q]);
                nanos[q] = System.nanoTime() - start;
                recall += recallAt10(found, queries.exactTop10().get(q));
            }
            Arrays.sort(nanos);
            return new Latency(what, nanos, recall / count);
        }
    }

    private static List<Integer> ids(PreparedStatement search, String query) throws SQLException {
        search.setString(1, query);
        try (ResultSet rows = search.executeQuery()) {
            List<Integer> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
            return ids;
        }
    }

    /** Like {@link IndexBenchmark}'s recall: the share of the exact 10 among the first 10 found. */
    private static double recallAt10(List<Integer> found, Set<Integer> exact) {
        Set<Integer> best = new HashSet<>(found.subList(0, Math.min(10, found.size())));
        best.retainAll(exact);
        return best.size() / 10.0;
    }

    private static Latency time(String what, float[][] queries, Consumer<float[]> call) {
        for (int q = 0; q < Math.min(queries.length, 50); q++) {
            call.accept(queries[q]);
        }
        long[] nanos = new long[queries.length];
        for (int q = 0; q < queries.length; q++) {
            long start = System.nanoTime();
            call.accept(queries[q]);
            nanos[q] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latency(what, nanos, Double.NaN);
    }

    private static void report(Latency latency) {
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, mean %.2f ms over %d queries%s%n", latency.what(),
                latency.p50Ms(), latency.p99Ms(), latency.meanMs(), latency.sortedNanos().length,
                Double.isNaN(latency.recallAt10()) ? "" : "; recall@10 %.4f".formatted(latency.recallAt10()));
    }

    private static void ratio(Latency lucene, Latency pgvector) {
        System.out.printf("ratio %s / %s: p50 %.2f (%.2f vs %.2f ms), p99 %.2f (%.2f vs %.2f ms)%n", lucene.what(),
                pgvector.what(), lucene.p50Ms() / pgvector.p50Ms(), lucene.p50Ms(), pgvector.p50Ms(),
                lucene.p99Ms() / pgvector.p99Ms(), lucene.p99Ms(), pgvector.p99Ms());
    }

    private static String setting(Statement sql, String name) throws SQLException {
        try (ResultSet value = sql.executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    /**
     * pgvector's text form, {@code [x1,x2,...]}. {@link Float#toString} is the shortest decimal that reads back as
     * the same float, so pgvector stores exactly the vector Lucene indexed.
     */
    private static String text(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int d = 0; d < vector.length; d++) {
            if (d > 0) {
                text.append(',');
            }
            text.append(vector[d]);
        }
        return text.append(']').toString();
    }
}
