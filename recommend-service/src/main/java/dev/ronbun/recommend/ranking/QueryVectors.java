package dev.ronbun.recommend.ranking;

import java.util.Optional;

/** Turns a query text into a vector with the papers' model; empty when that is not possible right now. */
public interface QueryVectors {

    Optional<QueryVector> embed(String text);
}
