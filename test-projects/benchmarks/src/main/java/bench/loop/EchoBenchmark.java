package bench.loop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Echo round trips per second and their 99th percentile latency over loopback, for each server
 * of {@link EchoServers} and Python's asyncio (with its own loop and with uvloop), all driven by
 * one load generator: this class, on one thread, in the same run. Each connection keeps one
 * 64-byte message in flight: it sends, waits for the echo, sends again.
 *
 * <pre>
 * java -cp benchmarks.jar bench.loop.EchoBenchmark [--rounds 3] [--seconds 3] [--warmup 1]
 *     [--connections 1,100,1000] [--servers loop,netty-nio,netty-epoll,virtual,asyncio,uvloop]
 *     [--python python3] [--uvloop-python /usr/bin/python3] [--idle 10000] [--only idle|throughput]
 * </pre>
 *
 * All the servers are started first and measured in turn, round after round, so that a change of
 * the machine's load falls on all of them alike; the table gives each one's median over the
 * rounds, and the spread (lowest to highest). With {@code --idle N}, each Java server is then
 * started afresh with N idle connections, and its heap per connection printed. {@code --only idle}
 * measures only that (in seconds, not minutes: {@code --servers loop --only idle} is the footprint
 * of the loop alone), {@code --only throughput} only the round trips.
 */
public final class EchoBenchmark {
    private static final int SIZE = 64;

    private EchoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("rounds", "3");
        options.put("seconds", "3");
        options.put("warmup", "1");
        options.put("connections", "1,100,1000");
        options.put("servers", "loop,netty-nio,netty-epoll,virtual,asyncio,uvloop");
        options.put("python", "python3");
        options.put("uvloop-python", "/usr/bin/python3");
        options.put("idle", "0");
        options.put("only", "all");
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rounds = Integer.parseInt(options.get("rounds"));
        double seconds = Double.parseDouble(options.get("seconds"));
        double warmup = Double.parseDouble(options.get("warmup"));
        int[] levels = Arrays.stream(options.get("connections").split(",")).mapToInt(Integer::parseInt).toArray();
        String only = options.get("only");
        if (!List.of("all", "idle", "throughput").contains(only)) {
            throw new IllegalArgumentException("--only takes idle or throughput, not " + only);
        }
        if (only.equals("idle")) {
            rounds = 0;
        }
        System.out.println("load average before: " + loadAverage() + "; " + Runtime.getRuntime().availableProcessors()
                + " processors; java " + System.getProperty("java.version"));

        Map<String, Process> servers = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String kind : rounds == 0 ? new String[0] : options.get("servers").split(",")) {
                List<String> command = command(kind, options, 0);
                if (command == null) {
                    continue;
                }
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String first = listening(
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
                if (first == null || !first.startsWith("listening ")) {
                    System.out.println(kind + ": skipped, it did not start: " + first);
                    process.destroyForcibly();
                    continue;
                }
                drain(process.getInputStream());
                servers.put(kind, process);
                ports.put(kind, Integer.parseInt(first.substring("listening ".length()).trim()));
            }
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int connections : levels) {
                    for (String kind : servers.keySet()) {
                        double[] result = load(ports.get(kind), connections, warmup, seconds);
                        results.computeIfAbsent(kind + " " + connections, k -> new ArrayList<>()).add(result);
                        System.out.printf(Locale.ROOT, "round %d: %-11s %5d connections: %,10.0f round trips/s, p99 %,8.1f us%n",
                                round, kind, connections, result[0], result[1]);
                    }
                }
            }
            if (rounds > 0) {
                printTable(servers.keySet(), levels, results);
            }
        } finally {
            for (Process process : servers.values()) {
                process.destroyForcibly().waitFor();
            }
        }

        int idle = only.equals("throughput") ? 0 : Integer.parseInt(options.get("idle"));
        if (idle > 0) {
            System.out.println();
            for (String kind : options.get("servers").split(",")) {
                if (kind.equals("asyncio") || kind.equals("uvloop")) {
                    continue;
                }
                List<String> command = command(kind, options, idle);
                if (command != null) {
                    System.out.println(kind + ": " + idleHeap(command, idle));
                }
            }
            System.out.println("load average after: " + loadAverage());
        }
    }

    /** The medians and spreads over the rounds, as a Markdown table. */
    private static void printTable(Iterable<String> kinds, int[] levels, Map<String, List<double[]>> results) {
        System.out.println();
        System.out.println("load average after: " + loadAverage());
        System.out.println();
        System.out.println("| server | connections | round trips/s, median (lowest-highest) | p99 latency µs, median (lowest-highest) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (int connections : levels) {
            for (String kind : kinds) {
                List<double[]> all = results.get(kind + " " + connections);
                System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f (%,.0f-%,.0f) | %,.0f (%,.0f-%,.0f) |%n", kind, connections,
                        median(all, 0), min(all, 0), max(all, 0), median(all, 1), min(all, 1), max(all, 1));
            }
        }
    }

    /** The command that starts server {@code kind}, or null (saying why) if it can't run here. */
    private static List<String> command(String kind, Map<String, String> options, int idle) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String jar = new File(EchoBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath();
        switch (kind) {
            case "asyncio":
            case "uvloop": {
                boolean uv = kind.equals("uvloop");
                String python = uv ? options.get("uvloop-python") : options.get("python");
                if (uv && !runs(python, "import uvloop")) {
                    System.out.println("uvloop: skipped, " + python + " can't import uvloop"
                            + " (apt-get install -y python3-uvloop installs it for /usr/bin/python3)");
                    return null;
                }
                if (!uv && !runs(python, "import asyncio")) {
                    System.out.println("asyncio: skipped, no " + python);
                    return null;
                }
                Path script = Files.createTempFile("echo_server", ".py");
                script.toFile().deleteOnExit();
                try (InputStream in = EchoBenchmark.class.getResourceAsStream("echo_server.py")) {
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                List<String> command = new ArrayList<>(List.of(python, script.toString(), "0"));
                if (uv) {
                    command.add("--uvloop");
                }
                return command;
            }
            case "virtual":
                if (!VirtualThreads.available()) {
                    System.out.println("virtual: skipped, java " + System.getProperty("java.version") + " has no virtual threads");
                    return null;
                }
                return List.of(java, "-Xmx2g", "-Djdk.virtualThreadScheduler.parallelism=1",
                        "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-cp", jar, EchoServers.class.getName(), kind, "0",
                        String.valueOf(idle));
            default:
                return List.of(java, "-Xmx2g", "-cp", jar, EchoServers.class.getName(), kind, "0", String.valueOf(idle));
        }
    }

    private static boolean runs(String python, String statement) {
        try {
            Process process = new ProcessBuilder(python, "-c", statement).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Runs {@code connections} closed loops against the server for {@code warmup} then {@code seconds}
     * seconds: the round trips per second of the second part, and their 99th percentile in microseconds.
     */
    static double[] load(int port, int connections, double warmup, double seconds) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        try (Selector selector = Selector.open()) {
            SocketChannel[] channels = new SocketChannel[connections];
            long[] sentAt = new long[connections];
            ByteBuffer[] in = new ByteBuffer[connections];
            ByteBuffer message = ByteBuffer.allocateDirect(SIZE);
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, i);
                channels[i] = channel;
                in[i] = ByteBuffer.allocateDirect(SIZE);
            }
            long[][] latencies = {new long[1 << 20]};
            int[] count = {0};
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmup * 1e9);
            long end = measureFrom + (long) (seconds * 1e9);
            for (int i = 0; i < connections; i++) {
                sentAt[i] = System.nanoTime();
                send(channels[i], message);
            }
            long[] measured = {0};
            while (true) {
                long now = System.nanoTime();
                if (now - end >= 0) {
                    break;
                }
                selector.select(key -> {
                    int i = (Integer) key.attachment();
                    try {
                        if (channels[i].read(in[i]) < 0) {
                            throw new IOException("the server closed connection " + i);
                        }
                        if (in[i].hasRemaining()) {
                            return;
                        }
                        in[i].clear();
                        long done = System.nanoTime();
                        if (done - measureFrom >= 0 && done - end < 0) {
                            measured[0]++;
                            if (count[0] == latencies[0].length) {
                                latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
                            }
                            latencies[0][count[0]++] = done - sentAt[i];
                        }
                        sentAt[i] = done;
                        send(channels[i], message);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, 100);
            }
            for (SocketChannel channel : channels) {
                channel.close();
            }
            long[] sorted = Arrays.copyOf(latencies[0], count[0]);
            Arrays.sort(sorted);
            double p99 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e3;
            return new double[] {measured[0] / seconds, p99};
        }
    }

    private static void send(SocketChannel channel, ByteBuffer message) throws IOException {
        message.clear();
        while (message.hasRemaining()) {
            channel.write(message);
        }
    }

    /** Starts the server with {@code idle} connections held open, and returns what it says of its heap. */
    private static String idleHeap(List<String> command, int idle) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<SocketChannel> open = new ArrayList<>();
        try {
            String first = listening(out);
            if (first == null || !first.startsWith("listening ")) {
                return "did not start: " + first;
            }
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(first.substring(10).trim()));
            for (int i = 0; i < idle; i++) {
                open.add(SocketChannel.open(address));
            }
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("heap-per-connection ")) {
                    return String.format(Locale.ROOT, "%,d bytes of heap per idle connection, %,d open",
                            Long.parseLong(line.substring(20).trim()), idle);
                }
            }
            return "said nothing of its heap";
        } finally {
            for (SocketChannel channel : open) {
                channel.close();
            }
            process.destroyForcibly().waitFor();
        }
    }

    /** The server's {@code listening PORT} line, past the JVM's warnings; or what it said instead. */
    private static String listening(BufferedReader out) throws IOException {
        StringBuilder said = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("listening ")) {
                return line;
            }
            if (line.startsWith("unavailable ")) {
                return line;
            }
            said.append(line).append(' ');
        }
        return said.length() == 0 ? null : said.toString();
    }

    /** Reads a process's output on a thread of its own, so that it never blocks on a full pipe. */
    private static void drain(InputStream output) {
        Thread drainer = new Thread(() -> {
            try {
                output.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The process ended.
            }
        });
        drainer.setDaemon(true);
        drainer.start();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<double[]> all, int index) {
        double[] values = all.stream().mapToDouble(r -> r[index]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double min(List<double[]> all, int index) {
        return all.stream().mapToDouble(r -> r[index]).min().orElse(Double.NaN);
    }

    private static double max(List<double[]> all, int index) {
        return all.stream().mapToDouble(r -> r[index]).max().orElse(Double.NaN);
    }
}
