package dev.ronbun.recommend.readers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reading event as it arrived; the event id makes redelivery harmless. */
@Entity
@Table(name = "reading_events")
public class ReadingEventEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "reader_id", nullable = false)
    public String readerId;

    @Column(name = "paper_id", nullable = false)
    public String paperId;

    @Column(nullable = false)
    public String type;

    @Column(name = "dwell_seconds")
    public Integer dwellSeconds;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
