package dev.ronbun.embed.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One ranked keyword of a paper as stored. */
@Embeddable
public class KeywordValue {

    @Column(nullable = false)
    public String term;

    @Column(nullable = false)
    public double weight;

    protected KeywordValue() {
    }

    public KeywordValue(String term, double weight) {
        this.term = term;
        this.weight = weight;
    }
}
