package dev.ronbun.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Prepares Japanese text for a Chinese BERT WordPiece vocabulary such as bge-small-zh's: it has か but not が, no
 * uppercase letters and few Japanese-only kanji, because it was built from text that BERT's uncased tokenizer had
 * lowercased and stripped of combining marks, and the tokenizer.json shipped with the ONNX export no longer does that.
 * So this does it: NFKC, (han)dakuten and Latin accents removed, lowercase, typographic quotes and dashes made ASCII,
 * and a space wherever Latin letters or digits meet kana or kanji so that "LLMを" does not become one unknown word.
 *
 * <p>Two steps bring the text closer to what the model was trained on, simplified Chinese: kanji become the
 * simplified form the vocabulary has (語 → 语, 機 → 机, Japanese-only forms such as 摂 → 摄; the table is
 * {@value #SIMPLIFIED_FORMS}), and a space separates katakana from hiragana and kanji, so that モデルを is read as the
 * word モテル and the particle を rather than one word of five pieces. Measured with bge-small-zh-v1.5 int8 on the JSTS
 * validation split (Spearman): 0.62 raw, 0.70 with version 2 of this normaliser, 0.71 with version 3; on the shared
 * paper summaries [UNK] tokens fall from 12% to 0.5% (docs/benchmarks.md).
 */
public final class ModelTextNormalizer {

    /** Bumped whenever {@link #normalize} changes its output, so that vectors made with an older version are re-made. */
    private static final int VERSION = 3;

    /**
     * Japanese kanji missing from the bge-small-zh vocabulary, each above its Chinese form that the vocabulary has
     * (shinjitai such as 摂 奨 釈 拠 are common in ML writing: 摂動, 推奨, 解釈, 根拠). Only true variants of the same
     * character are listed; Japanese-only characters (凧, 枠) have no counterpart and stay unknown.
     */
    private static final String JAPANESE_FORMS =
            "壱穏懐殻渇陥戯犠拠暁勲渓蛍鶏倹顕鉱砕桟賛釈縦粛奨剰壌醸粋酔髄斉摂繊捜挿巣騒鋳逓弐拝黙揺謡猟塁暦鋭汚壷缶冑掻搾痩噛倣鉢頬醤曽薫錬聡頚蝋讃麹鴎頴";
    private static final String CHINESE_FORMS =
            "壹稳怀壳渴陷戏牺据晓勋溪萤鸡俭显矿碎栈赞释纵肃奖剩壤酿粹醉髓齐摄纤搜插巢骚铸递贰拜默摇谣猎垒历锐污壶罐胄搔榨瘦啮仿钵颊酱曾熏炼聪颈蜡赞曲鸥颖";

    /**
     * Classpath resource of kanji and their simplified forms in the bundled model's vocabulary, one tab-separated pair
     * per line: ICU's Hant-Hans transliteration of each CJK ideograph, generated and checked by embed-service's
     * {@code SimplifiedFormsTableTest}.
     */
    public static final String SIMPLIFIED_FORMS = "/dev/ronbun/text/simplified-forms.tsv";

    private static final int FIRST_IDEOGRAPH = 0x4E00;
    private static final int LAST_IDEOGRAPH = 0x9FFF;
    /**
     * The Chinese form of each ideograph, 0 where it has none: the simplified forms, overridden by the Japanese forms
     * above. One table, so that normalising a character is one array read.
     */
    private static final char[] CHINESE = chineseForms();

    private static final int OTHER = 0;
    private static final int LATIN = 1;
    /** Kanji and hiragana: one class, because BERT splits kanji into single characters anyway. */
    private static final int JAPANESE = 2;
    private static final int KATAKANA = 3;

    private ModelTextNormalizer() {
    }

    /**
     * The version of {@link #normalize}'s output. A method rather than a public constant, which the compiler would
     * copy into callers: a caller left uncompiled by an incremental build would then tag new vectors with the old
     * version.
     */
    public static int version() {
        return VERSION;
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 16);
        int previousClass = OTHER;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isStrippedMark(cp)) {
                continue;
            }
            cp = Character.toLowerCase(replacement(cp));
            int currentClass = classOf(cp);
            if (out.length() > 0 && previousClass != OTHER && currentClass != OTHER && previousClass != currentClass) {
                out.append(' ');
            }
            out.appendCodePoint(cp);
            previousClass = currentClass;
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Combining and spacing (han)dakuten, and the combining accents of Latin letters. */
    private static boolean isStrippedMark(int cp) {
        return (cp >= 0x3099 && cp <= 0x309C) || (cp >= 0x0300 && cp <= 0x036F);
    }

    private static int replacement(int cp) {
        return switch (cp) {
            case '‘', '’', '‚', '‛', '`' -> '\'';
            case '“', '”', '„', '‟' -> '"';
            case '‐', '‑', '‒', '–', '—', '―' -> '-';
            default -> {
                char chinese = cp < FIRST_IDEOGRAPH || cp > LAST_IDEOGRAPH ? 0 : CHINESE[cp - FIRST_IDEOGRAPH];
                yield chinese == 0 ? cp : chinese;
            }
        };
    }

    private static int classOf(int cp) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
            return LATIN;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.KATAKANA || cp == 'ー') {
            return KATAKANA;
        }
        if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.HAN) {
            return JAPANESE;
        }
        return OTHER;
    }

    private static boolean isIdeograph(String text) {
        return text.length() == 1 && text.charAt(0) >= FIRST_IDEOGRAPH && text.charAt(0) <= LAST_IDEOGRAPH;
    }

    private static char[] chineseForms() {
        char[] table = new char[LAST_IDEOGRAPH - FIRST_IDEOGRAPH + 1];
        readSimplifiedForms(table);
        for (int i = 0; i < JAPANESE_FORMS.length(); i++) {
            table[JAPANESE_FORMS.charAt(i) - FIRST_IDEOGRAPH] = CHINESE_FORMS.charAt(i);
        }
        return table;
    }

    private static void readSimplifiedForms(char[] table) {
        try (InputStream in = ModelTextNormalizer.class.getResourceAsStream(SIMPLIFIED_FORMS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SIMPLIFIED_FORMS);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                if (pair.length != 2 || !isIdeograph(pair[0]) || pair[1].length() != 1) {
                    throw new IllegalStateException(SIMPLIFIED_FORMS + ": not a pair of ideographs: " + line);
                }
                table[pair[0].charAt(0) - FIRST_IDEOGRAPH] = pair[1].charAt(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
