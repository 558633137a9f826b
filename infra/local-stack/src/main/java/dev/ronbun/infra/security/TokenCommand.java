package dev.ronbun.infra.security;

import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.stack.StackConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./ronbun token --role ROLE [--reader ID] [--hours H]}: prints a token for the local stack, signed with the
 * key pair in {@code .ronbun/keys} (generated on first use). Only the token goes to standard output, so scripts can
 * capture it.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, StackConfig.fromEnvironment(), System.out, System.err));
    }

    static int run(String[] args, StackConfig config, PrintStream out, PrintStream err) {
        String role = null;
        String reader = null;
        long hours = TokenIssuer.DEFAULT_LIFETIME.toHours();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--role" -> role = args[++i];
                    case "--reader" -> reader = args[++i];
                    case "--hours" -> hours = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (role == null) {
                throw new IllegalArgumentException("--role is required");
            }
            TokenIssuer issuer = SigningKeys.loadOrCreate(config.keysDir()).issuer();
            out.println(issuer.token(role, TokenIssuer.subjectOf(role, reader), Instant.now(), Duration.ofHours(hours)));
            return 0;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("ronbun token: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value"
                    : e.getMessage()));
            err.println("usage: ./ronbun token --role " + String.join("|", Roles.ALL) + " [--reader ID] [--hours H]");
            return 2;
        }
    }
}
