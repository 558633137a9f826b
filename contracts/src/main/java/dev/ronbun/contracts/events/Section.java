package dev.ronbun.contracts.events;

/** A named part of a summary, such as "手法" or "2. アプローチ". */
public record Section(String heading, String text) {
}
