package dev.ronbun.recommend.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One commit of the index, its files kept on disk (though newer commits replace it) until closed: what a snapshot
 * copies while the index goes on taking papers.
 *
 * @param papers     how many papers the index held when it was pinned (at least those of the commit)
 * @param covers     per partition, the offset below which every record is in the commit: the further of where the
 *                   last finished replay read to and where the live consumer had written to; empty when neither
 *                   is known
 */
public record PinnedCommit(Path folder, List<String> files, long papers, Map<Integer, Long> covers,
                           Release release) implements AutoCloseable {

    public PinnedCommit {
        covers = Map.copyOf(covers);
    }

    @Override
    public void close() throws IOException {
        release.run();
    }

    /** Gives the commit's files back to the index's deletion policy. */
    @FunctionalInterface
    public interface Release {
        void run() throws IOException;
    }
}
