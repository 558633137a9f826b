package dev.ronbun.embed.storage;

/** One cached passage vector's key: the model version and the hash of the passage as that model saw it. */
public record PassageRef(String modelVersion, String passageHash) {
}
