package dev.ronbun.recommend.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs the independent index searches of one request at the same time (the vector and the text search of related
 * papers, the searches of each interest of a reader), so that a request takes about as long as its longest search
 * rather than their sum when a core is free. The caller's thread runs the first one itself.
 */
public final class ConcurrentSearches {

    /** Virtual threads: the searches are short and CPU-bound, and a thread per search costs next to nothing. */
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private ConcurrentSearches() {
    }

    /** A search started on another thread; {@link #result()} waits for it. */
    public static <T> Pending<T> start(Supplier<T> search) {
        return new Pending<>(CompletableFuture.supplyAsync(search, THREADS));
    }

    /** The results of all searches, in their order; the first failure is rethrown as it was. */
    public static <T> List<T> all(List<Supplier<T>> searches) {
        if (searches.isEmpty()) {
            return List.of();
        }
        List<Pending<T>> others = searches.subList(1, searches.size()).stream().map(ConcurrentSearches::start)
                .toList();
        List<T> results = new ArrayList<>(searches.size());
        results.add(searches.getFirst().get());
        others.forEach(other -> results.add(other.result()));
        return results;
    }

    /** A search under way. */
    public record Pending<T>(CompletableFuture<T> future) {

        /** A result there is nothing to search for. */
        public static <T> Pending<T> done(T result) {
            return new Pending<>(CompletableFuture.completedFuture(result));
        }

        /** Its result, once done; its failure rethrown as it was. */
        public T result() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
    }
}
