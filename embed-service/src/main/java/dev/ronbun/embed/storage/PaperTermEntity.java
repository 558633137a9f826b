package dev.ronbun.embed.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** How often a Kuromoji term occurs in a paper's summaries; the corpus document frequencies come from here. */
@Entity
@Table(name = "paper_terms")
public class PaperTermEntity {

    @EmbeddedId
    public Id id;

    @Column(nullable = false)
    public int tf;

    protected PaperTermEntity() {
    }


    /** Paper plus term. */
    @Embeddable
    public record Id(@Column(name = "paper_id") UUID paperId, @Column(name = "term") String term) implements Serializable {
    }
}
