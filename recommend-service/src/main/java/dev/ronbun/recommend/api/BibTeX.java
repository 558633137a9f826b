package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.PaperEvent;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A library as BibTeX: every paper an {@code @misc} entry (arXiv papers with {@code eprint} and
 * {@code archivePrefix = {arXiv}}, as arXiv's own export does), keys made of the first author's surname, the year
 * and the title's first word, made unique with a letter. Field text is escaped so no brace or TeX special
 * character from a title or name can end a field or run a command.
 */
final class BibTeX {

    static final String MEDIA_TYPE = "text/x-bibtex; charset=utf-8";

    private BibTeX() {
    }

    static String write(List<PaperEvent> papers) {
        StringBuilder out = new StringBuilder();
        Set<String> keys = new HashSet<>();
        for (PaperEvent paper : papers) {
            out.append("@misc{").append(uniqueKey(paper, keys)).append(",\n");
            field(out, "title", paper.title());
            if (paper.authors() != null && !paper.authors().isEmpty()) {
                // each name escaped on its own: the " and " between them is BibTeX's separator, not text
                rawField(out, "author", String.join(" and ", paper.authors().stream().map(BibTeX::escape).toList()));
            }
            Integer year = year(paper);
            if (year != null) {
                field(out, "year", year.toString());
            }
            String url = url(paper);
            if (paper.arxivId() != null) {
                field(out, "eprint", paper.arxivId());
                field(out, "archivePrefix", "arXiv");
            }
            if (url != null) {
                field(out, "url", url);
            }
            out.setLength(out.length() - 2);
            out.append("\n}\n\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        rawField(out, name, escape(value));
    }

    private static void rawField(StringBuilder out, String name, String escaped) {
        out.append("  ").append(name).append(" = {").append(escaped).append("},\n");
    }

    /** TeX's special characters and braces as text, so a field's braces stay balanced. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').appendCodePoint(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String url(PaperEvent paper) {
        if (paper.arxivId() != null) {
            return "https://arxiv.org/abs/" + paper.arxivId();
        }
        return paper.urls() == null ? null : paper.urls().stream()
                .filter(u -> u.startsWith("https://") || u.startsWith("http://")).findFirst().orElse(null);
    }

    private static Integer year(PaperEvent paper) {
        if (paper.year() != null) {
            return paper.year();
        }
        if (paper.arxivId() != null && paper.arxivId().matches("\\d{4}\\.\\d{4,5}(v\\d+)?")) {
            return 2000 + Integer.parseInt(paper.arxivId().substring(0, 2));
        }
        return paper.firstSeenAt() == null ? null : paper.firstSeenAt().atZone(java.time.ZoneOffset.UTC).getYear();
    }

    private static String uniqueKey(PaperEvent paper, Set<String> taken) {
        String surname = "";
        if (paper.authors() != null && !paper.authors().isEmpty()) {
            String[] parts = paper.authors().get(0).strip().split("\\s+");
            surname = ascii(parts[parts.length - 1]);
        }
        String word = "";
        if (paper.title() != null) {
            for (String candidate : paper.title().split("[^\\p{L}\\p{N}]+")) {
                String folded = ascii(candidate);
                if (folded.length() >= 3) {
                    word = folded;
                    break;
                }
            }
        }
        Integer year = year(paper);
        String base = surname + (year == null ? "" : year) + word;
        if (base.isEmpty()) {
            base = "paper";
        }
        String key = base;
        for (int n = 0; !taken.add(key); n++) {
            key = base + suffix(n);
        }
        return key;
    }

    private static String suffix(int n) {
        return n < 26 ? String.valueOf((char) ('a' + n)) : "x" + n;
    }

    /** Lower-case ASCII letters and digits only: accents dropped, other scripts left out. */
    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
