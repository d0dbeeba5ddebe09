package bench.loop;

import dev.generators.loop.EventLoop;
import dev.generators.loop.StreamServer;
import dev.generators.loop.Streams;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The Java echo servers of the echo benchmark, each serving on one thread, one per process:
 * {@code loop} (this project's event loop and streams), {@code netty-nio} and {@code netty-epoll}
 * (Netty 4.2 on one event-loop thread), {@code virtual} (a virtual thread per connection with
 * blocking sockets; run with {@code -Djdk.virtualThreadScheduler.parallelism=1} for one carrier).
 *
 * <pre>
 * java -cp benchmarks.jar bench.loop.EchoServers KIND PORT [IDLE_CONNECTIONS]
 * </pre>
 *
 * Prints {@code listening PORT} once it accepts. With IDLE_CONNECTIONS it also waits until that
 * many are open, and prints {@code heap-per-connection BYTES}: the heap in use after a full GC,
 * less the heap before any connection, divided by their number.
 */
public final class EchoServers {

    private EchoServers() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        int idle = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long before = idle > 0 ? heapAfterGc() : 0;
        AtomicInteger open = new AtomicInteger();
        IntSupplier connections;
        int bound;
        switch (kind) {
            case "loop": {
                EventLoop loop = EventLoop.start();
                CompletableFuture<StreamServer> started = new CompletableFuture<>();
                loop.execute(() -> Streams.startServer(LoopEcho::echo, new InetSocketAddress("127.0.0.1", port), 65536)
                        .whenComplete((server, failure) -> {
                            if (failure != null) {
                                started.completeExceptionally(failure);
                            } else {
                                started.complete(server);
                            }
                        }));
                StreamServer server = started.get();
                bound = server.address().getPort();
                connections = () -> {
                    CompletableFuture<Integer> count = new CompletableFuture<>();
                    loop.execute(() -> count.complete(server.connections()));
                    return count.join();
                };
                break;
            }
            case "netty-nio":
            case "netty-epoll": {
                boolean epoll = kind.equals("netty-epoll");
                if (epoll && !Epoll.isAvailable()) {
                    System.out.println("unavailable " + Epoll.unavailabilityCause());
                    return;
                }
                IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
                Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
                EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, factory);
                ChannelHandler echo = new NettyEcho(open);
                Channel server = new ServerBootstrap()
                        .group(group)
                        .channel(type)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<Channel>() {
                            @Override
                            protected void initChannel(Channel channel) {
                                channel.pipeline().addLast(echo);
                            }
                        })
                        .bind("127.0.0.1", port)
                        .sync()
                        .channel();
                bound = ((InetSocketAddress) server.localAddress()).getPort();
                connections = open::get;
                break;
            }
            case "virtual": {
                ExecutorService threads = VirtualThreads.executor();
                ServerSocket server = new ServerSocket(port, 4096, InetAddress.getByName("127.0.0.1"));
                bound = server.getLocalPort();
                threads.execute(() -> {
                    while (true) {
                        Socket socket;
                        try {
                            socket = server.accept();
                        } catch (IOException e) {
                            return;
                        }
                        threads.execute(() -> echo(socket, open));
                    }
                });
                connections = open::get;
                break;
            }
            default:
                throw new IllegalArgumentException("no server " + kind + ": loop, netty-nio, netty-epoll or virtual");
        }
        System.out.println("listening " + bound);
        if (idle > 0) {
            while (connections.getAsInt() < idle) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            long after = heapAfterGc();
            System.out.println("heap-per-connection " + (after - before) / idle);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A virtual thread's connection: blocking reads and writes. */
    private static void echo(Socket socket, AtomicInteger open) {
        open.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The load generator went away.
        } finally {
            open.decrementAndGet();
        }
    }

    @ChannelHandler.Sharable
    private static final class NettyEcho extends ChannelInboundHandlerAdapter {
        private final AtomicInteger open;

        NettyEcho(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            open.incrementAndGet();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.decrementAndGet();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ctx.write(message);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
