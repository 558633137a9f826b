package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;

import java.util.List;

/**
 * The text of one paper that goes into its vector; missing parts are empty strings.
 *
 * @param title    the title as written, usually English
 * @param titleJa  a Japanese title, where the document gives one
 * @param summary  a short summary (e.g. the tweet-sized section), where the document has one
 * @param sections named parts of the summary, in order
 * @param body     the paper's own text in the document; often the sections again, with their headings
 */
public record PaperText(String title, String titleJa, String summary, List<Section> sections, String body) {

    public PaperText {
        title = title == null ? "" : title;
        titleJa = titleJa == null ? "" : titleJa;
        summary = summary == null ? "" : summary;
        sections = sections == null ? List.of() : List.copyOf(sections);
        body = body == null ? "" : body;
    }

    public static PaperText of(SummaryEvent event) {
        return new PaperText(event.title(), event.titleJa(), event.summary(), event.sections(), event.body());
    }
}
