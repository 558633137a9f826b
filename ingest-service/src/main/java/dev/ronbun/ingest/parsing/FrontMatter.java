package dev.ronbun.ingest.parsing;

import java.time.LocalDate;
import java.util.List;

/**
 * What a Markdown post's front matter (YAML between {@code ---} lines, TOML between {@code +++} lines) says about the
 * paper it describes. Fields the front matter does not give are {@code null}; lists are never {@code null}.
 *
 * @param title       {@code title}
 * @param aliases     Obsidian {@code aliases}: other names of the same note, e.g. the paper's title in the other language
 * @param date        {@code date}, {@code published_at}, {@code created_at} or similar, reduced to the day
 * @param tags        {@code tags}, {@code categories}, {@code topics} (Zenn) or {@code keywords}, as a list or a string
 * @param writer      {@code author}: who wrote the post, i.e. who introduced the paper
 * @param authors     {@code authors}: the paper's authors, where the writer lists them
 * @param description {@code description}, {@code summary} or {@code abstract}
 * @param arxivId     from an {@code arxiv} field or any arXiv link among the fields
 * @param urls        http(s) links of fields such as {@code url}, {@code paper}, {@code link}, {@code pdf}
 */
public record FrontMatter(
        String title,
        List<String> aliases,
        LocalDate date,
        List<String> tags,
        String writer,
        List<String> authors,
        String description,
        String arxivId,
        List<String> urls) {

    public static final FrontMatter NONE = new FrontMatter(null, null, null, null, null, null, null, null, null);

    public FrontMatter {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
