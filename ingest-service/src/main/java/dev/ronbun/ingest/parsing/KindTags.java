package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tags writers put before a title ("[論文]", "[blog]", "【OSS】") as the kind of thing introduced. */
final class KindTags {

    /** One or more leading tags, then the rest of the line; the space after a tag may be missing. */
    private static final Pattern LEADING_TAGS = Pattern.compile("^((?:[\\[【][^\\[\\]【】\\n]{1,24}[\\]】](?!\\()[ \\t]*){1,4})(.*)$");
    private static final Pattern ONE_TAG = Pattern.compile("[\\[【]([^\\[\\]【】\\n]{1,24})[\\]】]");

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("論文", "paper"), Map.entry("paper", "paper"), Map.entry("papers", "paper"),
            Map.entry("arxiv", "paper"), Map.entry("研究", "paper"), Map.entry("survey", "paper"),
            Map.entry("blog", "blog"), Map.entry("ブログ", "blog"), Map.entry("記事", "blog"),
            Map.entry("article", "blog"), Map.entry("post", "blog"), Map.entry("note", "blog"),
            Map.entry("oss", "oss"), Map.entry("github", "oss"), Map.entry("repo", "oss"),
            Map.entry("library", "oss"), Map.entry("ライブラリ", "oss"), Map.entry("tool", "oss"),
            Map.entry("ツール", "oss"), Map.entry("code", "oss"), Map.entry("コード", "oss"),
            Map.entry("news", "news"), Map.entry("ニュース", "news"), Map.entry("release", "news"),
            Map.entry("リリース", "news"), Map.entry("動画", "video"), Map.entry("video", "video"),
            Map.entry("youtube", "video"), Map.entry("slide", "slide"), Map.entry("slides", "slide"),
            Map.entry("スライド", "slide"), Map.entry("dataset", "dataset"), Map.entry("データセット", "dataset"),
            Map.entry("book", "book"), Map.entry("書籍", "book"), Map.entry("本", "book"),
            Map.entry("talk", "talk"), Map.entry("講演", "talk"), Map.entry("発表", "talk"));

    private KindTags() {
    }

    /** A line that starts with tags: the tags and the text after them. */
    record Tagged(List<String> tags, String rest) {

        /** The kind named by the first tag: a known kind, else the tag itself in lower case. */
        String kind() {
            String tag = tags.getFirst();
            return known(tag).orElse(Tags.fold(tag));
        }

        boolean startsWithKnownKind() {
            return known(tags.getFirst()).isPresent();
        }
    }

    static Optional<Tagged> tagged(String line) {
        Matcher m = LEADING_TAGS.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> tags = new ArrayList<>();
        Matcher tag = ONE_TAG.matcher(m.group(1));
        while (tag.find()) {
            tags.add(tag.group(1).strip());
        }
        if (tags.isEmpty() || tags.getFirst().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Tagged(tags, m.group(2).strip()));
    }

    static Optional<String> known(String tag) {
        return Optional.ofNullable(KINDS.get(Tags.fold(tag)));
    }
}
