package io.incidenttimeline.api.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small disk of its own: a tmpfs mounted on a new directory (this needs root, as in CI), which files can fill up to
 * the last page and which is unmounted on close.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;
    private int fillers;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallDisk mount(int megabytes) throws IOException {
        Path mountPoint = Files.createTempDirectory("incident-small-disk-");
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()),
                "mounting a tmpfs needs root (CI runs this test as root)");
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes files until the disk has no page left (tmpfs hands out 4 KiB pages). */
    void fill() throws IOException {
        fillLeaving(0);
    }

    /** Writes files until the disk has at most this many bytes free. */
    void fillLeaving(long bytes) throws IOException {
        byte[] page = new byte[4096];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler-" + fillers++))) {
            while (freeBytes() > bytes) {
                out.write(page);
            }
        } catch (IOException full) {
            if (freeBytes() >= page.length) {
                throw full;
            }
        }
    }

    /** Deletes what {@link #fill()} wrote. */
    void free() throws IOException {
        for (int i = 0; i < fillers; i++) {
            Files.delete(mountPoint.resolve("filler-" + i));
        }
        fillers = 0;
    }

    long freeBytes() {
        return mountPoint.toFile().getUsableSpace();
    }

    @Override
    public void close() {
        run(List.of("umount", mountPoint.toString()), "cannot unmount " + mountPoint);
        try {
            Files.deleteIfExists(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, String failure) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(failure + ": " + String.join(" ", command) + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
