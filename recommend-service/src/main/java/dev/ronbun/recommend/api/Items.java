package dev.ronbun.recommend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Every list the API returns: {@code {"items": [...]}}, with the total where paging applies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Items<T>(List<T> items, Long total) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items, null);
    }
}
