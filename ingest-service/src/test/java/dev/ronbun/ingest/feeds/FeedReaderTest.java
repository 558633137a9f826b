package dev.ronbun.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    @Test
    void readsRssItemsWithTheirGuidTitleLinkAndContent() throws Exception {
        FeedReader.Contents contents = read(FeedSubscriptionTest.rss(
                FeedSubscriptionTest.rssItem("g-1", "LoRA notes", "<p>低ランク適応。</p>")), "application/rss+xml");

        assertThat(contents.title()).isEqualTo("Test notes");
        assertThat(contents.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("g-1");
            assertThat(e.title()).isEqualTo("LoRA notes");
            assertThat(e.link()).isEqualTo("https://notes.example.org/g-1");
            assertThat(e.html()).contains("低ランク適応");
        });
    }

    @Test
    void readsAtomEntriesWithHtmlContent() throws Exception {
        FeedReader.Contents contents = read(FeedSubscriptionTest.atom(
                FeedSubscriptionTest.atomEntry("urn:e:1", "ViT notes", "<p>画像をパッチに。</p>")), "application/atom+xml");

        assertThat(contents.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("urn:e:1");
            assertThat(e.html()).contains("<p>画像をパッチに。</p>");
        });
    }

    @Test
    void readsJsonFeedItemsEvenWhenServedAsPlainText() throws Exception {
        FeedReader.Contents contents = read(FeedSubscriptionTest.jsonFeed(
                Map.of("id", "j-1", "url", "https://notes.example.org/j-1", "content_text", "本文")), "text/plain");

        assertThat(contents.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("j-1");
            assertThat(e.text()).isEqualTo("本文");
            assertThat(e.title()).isNull();
        });
    }

    @Test
    void anEntryWithoutGuidIsKnownByItsLink() throws Exception {
        String item = "<item><title>No guid</title><link>https://notes.example.org/no-guid</link>"
                + "<description>text</description></item>";

        assertThat(read(FeedSubscriptionTest.rss(item), "application/rss+xml").entries().getFirst().id())
                .isEqualTo("https://notes.example.org/no-guid");
    }

    @Test
    void malformedXmlJsonThatIsNotAFeedAndEmptyBodiesAreClearErrors() {
        assertThatThrownBy(() -> read("<rss><channel><item>", "application/rss+xml"))
                .isInstanceOf(FeedException.class).hasMessageContaining("Not a readable RSS or Atom feed");
        assertThatThrownBy(() -> read("{\"items\": []}", "application/json"))
                .isInstanceOf(FeedException.class).hasMessageContaining("Not a JSON Feed");
        assertThatThrownBy(() -> read("<html><body>a web page</body></html>", "text/html"))
                .isInstanceOf(FeedException.class);
        assertThatThrownBy(() -> FeedReader.read(new byte[0], "application/rss+xml"))
                .isInstanceOf(FeedException.class).hasMessageContaining("empty");
    }

    @Test
    void aFeedWithADoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>t</title></item></channel></rss>";

        assertThatThrownBy(() -> read(xxe, "application/rss+xml")).isInstanceOf(FeedException.class);
    }

    private static FeedReader.Contents read(String body, String contentType) throws FeedException {
        return FeedReader.read(body.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
