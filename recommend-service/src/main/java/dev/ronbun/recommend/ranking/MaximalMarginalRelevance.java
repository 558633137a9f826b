package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.UnitVectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks, one at a time, the candidate with the best
 * {@code lambda * relevance - (1 - lambda) * (highest cosine to anything already picked)}, so near-duplicates of a
 * chosen paper drop down the list. Optional per-group quotas keep one interest from taking every slot while another
 * still has candidates. The picked scores never increase, so the list reads best first.
 *
 * @param lambda 1 ranks by relevance only, 0 by novelty only
 */
record MaximalMarginalRelevance(double lambda) {

    /**
     * Picks up to k candidates.
     *
     * @param quotas most picks per group, or null for no limit; a full group yields only when others have candidates
     */
    List<Selection> select(List<Candidate> candidates, int k, int[] quotas) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        double[] redundancy = new double[remaining.size()];
        int[] picked = quotas == null ? null : new int[quotas.length];
        List<Selection> selected = new ArrayList<>();
        while (selected.size() < k && !remaining.isEmpty()) {
            int best = bestIndex(remaining, redundancy, quotas, picked, true);
            if (best < 0) {
                best = bestIndex(remaining, redundancy, quotas, picked, false);
            }
            Candidate choice = remaining.get(best);
            double score = marginal(choice, redundancy[best]);
            Map<String, Double> parts = new LinkedHashMap<>(choice.parts());
            parts.put("relevance", choice.relevance());
            parts.put("diversity", -(1 - lambda) * redundancy[best]);
            selected.add(new Selection(choice, score, parts));
            if (picked != null) {
                picked[choice.group()]++;
            }
            remaining.remove(best);
            double[] next = new double[remaining.size()];
            for (int i = 0, j = 0; i < redundancy.length; i++) {
                if (i != best) {
                    next[j++] = redundancy[i];
                }
            }
            redundancy = next;
            float[] chosen = choice.vector();
            for (int i = 0; i < remaining.size(); i++) {
                float[] vector = remaining.get(i).vector();
                if (vector.length == chosen.length && vector.length > 0) {
                    redundancy[i] = Math.max(redundancy[i], Math.max(0, UnitVectors.similarity(vector, chosen)));
                }
            }
        }
        return selected;
    }

    private int bestIndex(List<Candidate> remaining, double[] redundancy, int[] quotas, int[] picked,
                          boolean respectQuotas) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < remaining.size(); i++) {
            Candidate candidate = remaining.get(i);
            if (respectQuotas && quotas != null && picked[candidate.group()] >= quotas[candidate.group()]) {
                continue;
            }
            double score = marginal(candidate, redundancy[i]);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private double marginal(Candidate candidate, double redundancy) {
        return lambda * candidate.relevance() - (1 - lambda) * redundancy;
    }
}
