package dev.ronbun.recommend.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharNgramTfIdfTest {

    @Test
    void weighsSublinearTermFrequencyBySmoothedIdfAsScikitLearnDoes() {
        // Unigrams only, so the arithmetic is visible: "a" is in both documents, "b" in one, "a" twice in the first.
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(List.of("aab", "ac"), 1, 1);

        double idfA = Math.log(3.0 / 3.0) + 1.0;
        double idfB = Math.log(3.0 / 2.0) + 1.0;
        double a = (1 + Math.log(2)) * idfA;
        double b = idfB;
        double norm = Math.sqrt(a * a + b * b);
        SparseVector vector = tfIdf.transform("aab");

        assertThat(tfIdf.idf("a")).isCloseTo(idfA, within(1e-12));
        assertThat(tfIdf.idf("b")).isCloseTo(idfB, within(1e-12));
        assertThat(vector.size()).isEqualTo(2);
        assertThat(vector.value(0)).isCloseTo(a / norm, within(1e-12));
        assertThat(vector.value(1)).isCloseTo(b / norm, within(1e-12));
    }

    @Test
    void cutsEveryOneToThreeCharacterRunIncludingSpaces() {
        Map<String, Integer> terms = CharNgramTfIdf.termCounts("ab  c", 1, 3);

        assertThat(terms).containsOnlyKeys("a", "b", " ", "c", "ab", "b ", " c", "ab ", "b c");
    }

    @Test
    void vectorsHaveUnitLengthSoTheirDotProductIsTheCosine() {
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(List.of("知識蒸留で小さなモデルを学習する",
                "knowledge distillation of a large teacher", "拡散モデルによる画像生成"));
        SparseVector first = tfIdf.transform("知識蒸留で小さなモデルを学習する");
        SparseVector second = tfIdf.transform("拡散モデルによる画像生成");

        assertThat(first.norm()).isCloseTo(1.0, within(1e-12));
        assertThat(first.dot(second)).isCloseTo(first.cosine(second), within(1e-12));
        assertThat(first.dot(second)).isBetween(0.0, 1.0).isGreaterThan(0.0);
    }

    @Test
    void ranksTheDocumentSharingMoreCharactersFirst() {
        List<String> documents = List.of("知識蒸留で教師モデルを真似る", "知識蒸留で生徒モデルを小さくする", "音声認識の大規模な弱教師あり学習");
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(documents);
        List<SparseVector> vectors = tfIdf.transformAll(documents);

        assertThat(vectors.get(0).cosine(vectors.get(1))).isGreaterThan(vectors.get(0).cosine(vectors.get(2)));
    }

    @Test
    void readsFullWidthAndUpperCaseLettersAsTheirPlainLowerCaseForms() {
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(List.of("BERT と GPT", "拡散"));

        assertThat(tfIdf.transform("ＢＥＲＴ").cosine(tfIdf.transform("bert"))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void keepsVoicedSoundMarksSoTheKanaStayDistinct() {
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(List.of("が", "か"), 1, 1);

        assertThat(tfIdf.vocabularySize()).isEqualTo(2);
        assertThat(tfIdf.transform("が").dot(tfIdf.transform("か"))).isZero();
    }

    @Test
    void givesTheSameVectorsWhateverOrderTheDocumentsComeIn() {
        List<String> documents = List.of("retrieval augmented generation", "検索拡張生成", "state space models");
        CharNgramTfIdf forward = CharNgramTfIdf.fit(documents);
        CharNgramTfIdf backward = CharNgramTfIdf.fit(documents.reversed());

        SparseVector one = forward.transform("検索で拡張する");
        SparseVector other = backward.transform("検索で拡張する");
        assertThat(one.size()).isEqualTo(other.size());
        for (int i = 0; i < one.size(); i++) {
            assertThat(one.index(i)).isEqualTo(other.index(i));
            assertThat(one.value(i)).isEqualTo(other.value(i));
        }
    }

    @Test
    void aTextSharingNoNgramWithTheVocabularyIsTheEmptyVector() {
        CharNgramTfIdf tfIdf = CharNgramTfIdf.fit(List.of("abc"));

        assertThat(tfIdf.transform("xyz").size()).isZero();
        assertThat(tfIdf.transform("xyz").cosine(tfIdf.transform("abc"))).isZero();
        assertThat(tfIdf.transform((String) null).size()).isZero();
    }

    @Test
    void refusesAnEmptyNgramRange() {
        assertThatThrownBy(() -> CharNgramTfIdf.fit(List.of("a"), 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
