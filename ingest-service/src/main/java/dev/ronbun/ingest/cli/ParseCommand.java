package dev.ronbun.ingest.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.ingest.parsing.DocumentParseException;
import dev.ronbun.ingest.parsing.DocumentSplitter;
import dev.ronbun.ingest.parsing.ParsedDocument;
import dev.ronbun.ingest.parsing.ParsedPaper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./ronbun parse FILE [--format F]}: splits a document exactly as ingest-service does and prints one JSON
 * object per paper per line. Publishes nothing and needs no running service.
 */
@Command(name = "ronbun parse", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
        description = "Prints the papers ingest would find in FILE, one JSON object per line; publishes nothing.")
public final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a UTF-8 document")
    Path file;

    @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class,
            description = "the document's shape, as ingest's API names it (default: recognised from the text)")
    DocumentFormat format;

    private final PrintStream out;
    private final PrintStream err;

    private ParseCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new ParseCommand(out, err)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    /** {@code --format} by its wire name, with the list of known names when it is none of them. */
    static final class FormatConverter implements ITypeConverter<DocumentFormat> {
        @Override
        public DocumentFormat convert(String value) {
            try {
                return DocumentFormat.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            ParsedDocument document = new DocumentSplitter().split(text, Optional.ofNullable(format), file.toString());
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
}
