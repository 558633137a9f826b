package dev.ronbun.recommend.index;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the index folder before the index opens in it, when it holds no complete index: a snapshot restore. Its
 * answer is where that content leaves off in the papers topic, per partition; empty when it restored nothing.
 */
public interface IndexRestorer {

    Optional<Map<Integer, Long>> restoreInto(Path folder, String schema);
}
