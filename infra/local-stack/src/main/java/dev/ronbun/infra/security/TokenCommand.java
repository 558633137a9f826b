package dev.ronbun.infra.security;

import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.stack.StackConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./ronbun token --role ROLE [--reader ID] [--hours H]}: prints a token for the local stack, signed with the
 * key pair in {@code .ronbun/keys} (generated on first use). Only the token goes to standard output, so scripts can
 * capture it.
 */
@Command(name = "ronbun token", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
        description = "Prints a token for the local stack, signed with the key pair in .ronbun/keys.")
public final class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "reader, curator or admin")
    String role;

    @Option(names = "--reader", paramLabel = "ID", description = "the reader a reader token speaks for")
    String reader;

    @Option(names = "--hours", paramLabel = "H", description = "lifetime in hours (default: ${DEFAULT-VALUE})")
    int hours = (int) TokenIssuer.DEFAULT_LIFETIME.toHours();

    @Spec
    CommandSpec spec;

    private final StackConfig config;

    TokenCommand(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        System.exit(run(args, StackConfig.fromEnvironment(), System.out, System.err));
    }

    public static int run(String[] args, StackConfig config, PrintStream out, PrintStream err) {
        return new CommandLine(new TokenCommand(config)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() {
        if (!Roles.ALL.contains(role)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--role': '" + role + "' is not one of " + String.join(", ", Roles.ALL));
        }
        if (hours <= 0) {
            throw new ParameterException(spec.commandLine(), "--hours must be at least 1");
        }
        String subject;
        try {
            subject = TokenIssuer.subjectOf(role, reader);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TokenIssuer issuer = SigningKeys.loadOrCreate(config.keysDir()).issuer();
        spec.commandLine().getOut().println(issuer.token(role, subject, Instant.now(), Duration.ofHours(hours)));
        return 0;
    }
}
