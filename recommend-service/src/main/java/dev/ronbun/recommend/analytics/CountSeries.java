package dev.ronbun.recommend.analytics;

import java.util.List;

/** One line of a chart: a name and its count in each day or week of the chart, oldest first. */
public record CountSeries(String name, List<Integer> counts) {

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
