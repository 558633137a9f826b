package dev.ronbun.contracts.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What every {@code ./ronbun} command answers to {@code --version} ({@code ronbun 0.1.0}): the project version Maven
 * wrote into {@code version.properties} when it built this jar, so a command run from {@code target/classes} and one
 * run from a packaged service say the same.
 */
public final class RonbunVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"ronbun " + version()};
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = RonbunVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + RonbunVersion.class.getName()
                        + "; build the contracts module with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
