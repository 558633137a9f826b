package dev.ronbun.ingest.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.ingest.parsing.DocumentParseException;
import dev.ronbun.ingest.parsing.DocumentSplitter;
import dev.ronbun.ingest.parsing.ParsedDocument;
import dev.ronbun.ingest.parsing.ParsedPaper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./ronbun parse FILE [--format F]}: splits a document exactly as ingest-service does and prints one JSON
 * object per paper per line. Publishes nothing and needs no running service.
 */
public final class ParseCommand {

    private ParseCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<DocumentFormat> format = Optional.empty();
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                try {
                    format = Optional.of(DocumentFormat.fromWireName(args[++i]));
                } catch (IllegalArgumentException e) {
                    err.println("ronbun parse: " + e.getMessage());
                    return 2;
                }
            } else if (file == null) {
                file = Path.of(args[i]);
            } else {
                return usage(err);
            }
        }
        if (file == null) {
            return usage(err);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            ParsedDocument document = new DocumentSplitter().split(text, format, file.toString());
            ObjectWriter writer = EventJson.mapper().writer();
            for (ParsedPaper paper : document.papers()) {
                out.println(writer.writeValueAsString(paper));
            }
            for (String warning : document.warnings()) {
                err.println("ronbun parse: " + file + ": warning: " + warning);
            }
            err.println("ronbun parse: " + file + ": " + document.papers().size() + " paper(s) as " + document.format());
            return 0;
        } catch (CharacterCodingException e) {
            err.println("ronbun parse: " + file + " is not UTF-8 text");
        } catch (DocumentParseException e) {
            err.println("ronbun parse: " + file + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("ronbun parse: cannot read " + file + ": " + e.getMessage());
        }
        return 1;
    }

    private static int usage(PrintStream err) {
        err.println("usage: ronbun parse FILE [--format " + DocumentFormat.wireNames("|") + "]");
        return 2;
    }
}
