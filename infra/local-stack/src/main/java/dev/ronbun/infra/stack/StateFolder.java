package dev.ronbun.infra.stack;

import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stack's state folder as the supervisor writes it: the folders it needs, the run files {@code ./ronbun status}
 * and {@code ./ronbun down} read (pids, ports, the ready marker, the tokens), and the check that the planned ports
 * are free before anything starts.
 */
final class StateFolder {

    private final StackConfig config;
    private final List<String> portFiles = new CopyOnWriteArrayList<>();

    StateFolder(StackConfig config) {
        this.config = config;
    }

    void checkPortsAreFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        config.portPlan().all().forEach((name, port) -> {
            if (config.externalKafka().isEmpty() || !name.startsWith(KafkaBrokerProcess.NAME)) {
                ports.put(name, port);
            }
        });
        if (config.externalPostgres().isEmpty()) {
            ports.put("PostgreSQL", config.postgresPort());
        }
        List<String> taken = ports.entrySet().stream().filter(entry -> !isFree(entry.getValue()))
                .map(entry -> entry.getKey() + " port " + entry.getValue()).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("already in use on 127.0.0.1: " + String.join(", ", taken)
                    + ". Is another stack running (./ronbun status)? Ports can be changed, see StackConfig.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void prepare() {
        try {
            for (Path dir : List.of(config.logsDir(), config.runDir(), config.inboxDir())) {
                Files.createDirectories(dir);
            }
            for (int replica = 1; replica <= config.replicas(); replica++) {
                Files.createDirectories(config.recommendIndexDir(replica));
            }
            Files.deleteIfExists(logFile(RonbunStack.POSTGRES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + config.stateDir(), e);
        }
    }

    Path logFile(String name) {
        return config.logsDir().resolve(name + ".log");
    }

    void writeRunFile(String name, String content) {
        try {
            Files.writeString(config.runDir().resolve(name), content.endsWith("\n") ? content : content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeOwnerOnlyRunFile(String name, String content) {
        Path file = config.runDir().resolve(name);
        try {
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code ./ronbun status} shows as the process's port; removed again when the stack stops. */
    void writePortFile(String name, int port) {
        portFiles.add(name + ".port");
        writeRunFile(name + ".port", Integer.toString(port));
    }

    void deleteRunFile(String name) {
        try {
            Files.deleteIfExists(config.runDir().resolve(name));
        } catch (IOException e) {
            // Left for ./ronbun down, which checks every pid before using it.
        }
    }

    /** Removes every port file this stack wrote. */
    void deletePortFiles() {
        portFiles.forEach(this::deleteRunFile);
    }
}
