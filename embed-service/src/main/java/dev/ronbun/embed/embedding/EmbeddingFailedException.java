package dev.ronbun.embed.embedding;

/** The model could not embed a text: a runtime failure of ONNX Runtime, not a problem with the text. */
public class EmbeddingFailedException extends RuntimeException {

    public EmbeddingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
