package dev.ronbun.ingest.parsing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the headings of one paper's notes: the six questions of the Ochiai format in Japanese or English, with
 * or without numbers and extra words, the usual section words of a paper (概要, 手法, Results, …), and the heading of a
 * citation block. Numbers are read apart from the words, so "2.1 わからないこと" is known as a sub-part of question 2.
 */
final class QuestionHeadings {

    /** What a heading asks or names. */
    enum Role {
        /** どんなもの？ / What is it? */
        WHAT(true),
        /** 先行研究と比べてどこがすごい？ / How is it better than earlier work? */
        NOVELTY(true),
        /** 技術や手法のキモはどこ？ / Key idea */
        KEY_IDEA(true),
        /** どうやって有効だと検証した？ / How was it validated? */
        VALIDATION(true),
        /** 議論はある？ / Discussion */
        DISCUSSION(true),
        /** 次に読むべき論文は？ / What to read next */
        NEXT_TO_READ(true),
        /** A section word of a paper that is not one of the questions: 概要, 手法, 実験, 結果, Abstract, … */
        SECTION(false),
        /** A reference list: 参考文献, References, 関連論文 */
        REFERENCES(false),
        /** The bibliographic block: 論文情報・リンク, 書誌情報, Paper info, Citation */
        CITATION(false);

        final boolean question;

        Role(boolean question) {
            this.question = question;
        }
    }

    /**
     * A heading read apart.
     *
     * @param role   what it asks or names, empty when it is none of the known roles
     * @param number its leading number (1 for "1." or "Q1"), 0 when unnumbered
     * @param sub    whether the number has a second part ("2.1"): a sub-part of the section before it
     * @param asks   whether it ends in a question mark, full- or half-width
     */
    record Reading(Optional<Role> role, int number, boolean sub, boolean asks) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "^(?:Q|問|第)?\\s*(\\d{1,2})(?:\\s*[.．]\\s*(\\d{1,2}))?(?:\\s*[.．、:：)）]|\\s|(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]))\\s*");

    private static final Pattern WHAT = words("どんなもの|どんな(?:論文|研究|内容)|何をした|what\\s+is\\s+(?:it|this)"
            + "|what\\s+(?:is\\s+the\\s+paper|does\\s+(?:it|the\\s+paper)\\s+do)|in\\s+a\\s+nutshell|overview\\s+of\\s+the\\s+paper");
    private static final Pattern NOVELTY = words("先行研究|従来(?:研究|手法)と比べ|どこがすごい|新規性|差分|差別化"
            + "|(?:previous|prior|earlier|existing|related)\\s+(?:work|research|studies|methods)|what'?s\\s+new|novelty"
            + "|better\\s+than|contribution");
    private static final Pattern KEY_IDEA = words("キモ|肝|技術や手法|手法のポイント|key\\s+(?:idea|point|technique|insight)"
            + "|core\\s+idea|main\\s+idea|crux|how\\s+does\\s+it\\s+work");
    private static final Pattern VALIDATION = words("有効だと検証|有効性を?検証|どうやって(?:有効|検証|評価)|検証方法|評価方法"
            + "|how\\s+(?:was|is|did)\\s+(?:it|they)\\s+(?:validated|verified|evaluated|tested|shown)"
            + "|validat|verification|evaluation|how\\s+(?:was|is)\\s+it\\s+(?:shown|proven)");
    private static final Pattern DISCUSSION = words("議論|課題|限界|今後の課題|discussion|limitation|open\\s+(?:questions|issues)"
            + "|weakness");
    private static final Pattern NEXT = words("次に読むべき|次に読む|次読む|読むべき論文|次の論文|what\\s+to\\s+read\\s+next"
            + "|read\\s+next|next\\s+(?:paper|papers|reading|to\\s+read)|further\\s+reading|papers?\\s+to\\s+read");
    private static final Pattern REFERENCES = words("参考文献|参照文献|引用文献|関連論文|重要な参考文献|主要な参考文献|key\\s+references"
            + "|^references?$|bibliography|related\\s+papers|重要な引用");
    private static final Pattern CITATION = words("論文情報|書誌情報|論文リンク|論文へのリンク|文献情報|paper\\s+info"
            + "|citation|^reference\\s+info|^paper\\s+(?:details|link)s?$|^links?$|^bibtex$|^cite$");
    private static final Pattern SECTION = words("^(?:概要|要約|アブストラクト|はじめに|導入|背景|目的|提案手法|手法|方法|モデル|アーキテクチャ"
            + "|実験|実験結果|結果|評価|考察|まとめ|結論|感想|所感|コメント|メモ|関連研究)"
            + "|^(?:abstract|summary|tl;?dr|introduction|background|motivation|method|methods|methodology|approach"
            + "|model|architecture|experiments?|results?|evaluation|analysis|conclusions?|related\\s+work|notes?"
            + "|thoughts|comments?|takeaways?)\\b");

    private QuestionHeadings() {
    }

    static Reading read(String heading) {
        String text = LineShapes.withoutEmphasis(heading.strip());
        int number = 0;
        boolean sub = false;
        Matcher m = NUMBER.matcher(text);
        if (m.lookingAt() && m.end() < text.length()) {
            number = Integer.parseInt(m.group(1));
            sub = m.group(2) != null;
            text = text.substring(m.end()).strip();
        }
        String plain = text.toLowerCase(Locale.ROOT).replace('＿', '_').replaceAll("[\"'“”「」『』*_`]", "");
        boolean asks = plain.endsWith("?") || plain.endsWith("？");
        String bare = plain.replaceAll("[?？:：。.\\s]+$", "").strip();
        return new Reading(role(bare), number, sub, asks);
    }

    private static Optional<Role> role(String bare) {
        // order matters: "先行研究と比べて…" is novelty, not related work; a citation heading is not a reference list
        if (NEXT.matcher(bare).find()) {
            return Optional.of(Role.NEXT_TO_READ);
        }
        if (WHAT.matcher(bare).find()) {
            return Optional.of(Role.WHAT);
        }
        if (NOVELTY.matcher(bare).find()) {
            return Optional.of(Role.NOVELTY);
        }
        if (KEY_IDEA.matcher(bare).find()) {
            return Optional.of(Role.KEY_IDEA);
        }
        if (VALIDATION.matcher(bare).find()) {
            return Optional.of(Role.VALIDATION);
        }
        if (DISCUSSION.matcher(bare).find()) {
            return Optional.of(Role.DISCUSSION);
        }
        if (CITATION.matcher(bare).find()) {
            return Optional.of(Role.CITATION);
        }
        if (REFERENCES.matcher(bare).find()) {
            return Optional.of(Role.REFERENCES);
        }
        if (SECTION.matcher(bare).find()) {
            return Optional.of(Role.SECTION);
        }
        return Optional.empty();
    }

    private static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
