package dev.ronbun.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/", "text", "/", "text/;;;", "multipart/form-data; boundary=", "multipart/form-data",
            "text/plain; charset=nope", "*/*", "text/*", "a/b/c", ";", "application/json; charset=\""})
    void refusesMalformedContentTypes(String header) {
        assertThat(MediaTypes.contentTypeFlaw(header)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=UTF-8", "text/markdown;charset=\"utf-8\"",
            "application/json", "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
            "application/problem+json"})
    void acceptsWellFormedContentTypes(String header) {
        assertThat(MediaTypes.contentTypeFlaw(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/", "/", ";", "application/json;q=abc", "*/json", "a/b;="})
    void refusesMalformedAccepts(String header) {
        assertThat(MediaTypes.acceptFlaw(header)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json, application/problem+json;q=0.9", "text/*;q=0.5, */*;q=0.1",
            "application/atom+xml", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    void acceptsWellFormedAccepts(String header) {
        assertThat(MediaTypes.acceptFlaw(header)).isEmpty();
    }
}
