package dev.archbench.workloads.web.load;

import dev.archbench.workloads.web.server.ThreadRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * archbench's load generator: N keep-alive connections on a few Netty event loops (native epoll
 * where available), one request in flight per connection (no pipelining). Requests are encoded once
 * and sent as bytes; answers are decoded by Netty and compared byte for byte with the reference body
 * as they stream in, so checking every answer costs a memcmp. Latencies go to one HdrHistogram
 * recorder per event loop (single writer, no contention).
 */
public final class LoadGenerator implements AutoCloseable {
  private static final long CONNECT_TIMEOUT_SECONDS = 10;
  /**
   * How long a request may wait for its answer before it counts as an error and its connection is
   * given up: a service that accepts requests and never answers must fail the run, not leave it
   * measuring nothing. Far above any latency a load step can have (wrk's default is 2 s).
   */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final EventLoopGroup group;
  private final ThreadRegistry threads = new ThreadRegistry("web-client");
  private final List<Channel> channels = java.util.Collections.synchronizedList(new ArrayList<>());
  private final LongAdder reconnects = new LongAdder();
  private final Bootstrap bootstrap;
  private final LoadTarget target;
  private final Map<EventExecutor, SingleWriterRecorder> recorders = new ConcurrentHashMap<>();
  private final LongAdder errors = new LongAdder();
  private final LongAdder inFlight = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final ByteBuf request;
  private final Exchange exchange;
  private final long answerTimeoutNanos;
  private volatile boolean running = true;
  private long intervalStart;

  /**
   * Connects and starts sending at once.
   *
   * @param exchange the request and what every answer must be
   * @param pacers one per connection: {@link Pacer#closedLoop()} or {@link OpenLoopPacer}s
   */
  public LoadGenerator(LoadTarget target, Exchange exchange, int ioThreads,
      int connections, IntFunction<Pacer> pacers) throws InterruptedException {
    this(target, exchange, ioThreads, connections, pacers, ANSWER_TIMEOUT);
  }

  /** As above, with another answer timeout (tests). */
  LoadGenerator(LoadTarget target, Exchange exchange, int ioThreads, int connections, IntFunction<Pacer> pacers,
      Duration answerTimeout) throws InterruptedException {
    this.exchange = exchange;
    this.answerTimeoutNanos = answerTimeout.toNanos();
    this.request = Unpooled.unreleasableBuffer(Unpooled.directBuffer()
        .writeBytes(exchange.request()).asReadOnly());
    this.group = new MultiThreadIoEventLoopGroup(Math.max(1, Math.min(ioThreads, connections)),
        threads.factory("io"), target.transport().ioHandlerFactory());
    intervalStart = System.nanoTime();
    this.target = target;
    this.bootstrap = new Bootstrap().group(group).channel(target.transport().clientChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS));
    List<ChannelFuture> pending = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      pending.add(connect(pacers.apply(i)));
    }
    for (ChannelFuture f : pending) {
      if (!f.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
        close();
        throw new IllegalStateException("cannot connect to " + target.hostHeader() + ": "
            + (f.cause() == null ? "timed out" : describe(f.cause())));
      }
      channels.add(f.channel());
    }
  }

  /**
   * Closed loop on every connection.
   *
   * @param expectedBody every answer's body as sent (from {@link HttpProbe#validate})
   */
  public static LoadGenerator closedLoop(LoadTarget target, Endpoint endpoint, byte[] expectedBody,
      int ioThreads, int connections) throws InterruptedException {
    return closedLoop(target, Exchange.of(endpoint, target, expectedBody), ioThreads, connections);
  }

  public static LoadGenerator closedLoop(LoadTarget target, Exchange exchange, int ioThreads, int connections)
      throws InterruptedException {
    return new LoadGenerator(target, exchange, ioThreads, connections, i -> Pacer.closedLoop());
  }

  /** Open loop at {@code ratePerSecond} in total, spread over the connections. */
  public static LoadGenerator openLoop(LoadTarget target, Endpoint endpoint, byte[] expectedBody,
      int ioThreads, int connections, double ratePerSecond) throws InterruptedException {
    return openLoop(target, Exchange.of(endpoint, target, expectedBody), ioThreads, connections, ratePerSecond);
  }

  public static LoadGenerator openLoop(LoadTarget target, Exchange exchange, int ioThreads, int connections,
      double ratePerSecond) throws InterruptedException {
    OpenLoopPacer[] p = OpenLoopPacer.forRate(ratePerSecond, connections, System.nanoTime());
    return new LoadGenerator(target, exchange, ioThreads, connections, i -> p[i]);
  }

  private ChannelFuture connect(Pacer pacer) {
    return bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        if (target.ssl() != null) {
          ch.pipeline().addLast(target.ssl().newHandler(ch.alloc(),
              target.address().getHostString(), target.address().getPort()));
        }
        ch.pipeline().addLast(new LoadConnection(LoadGenerator.this, pacer));
      }
    }).connect(target.address());
  }

  /**
   * A connection the server closed between answers (after {@code Connection: close}, or a keep-alive
   * limit such as nginx's {@code keepalive_requests}) is replaced, with the same pacer, as a browser or
   * wrk would; the time to connect again counts in the next answer's latency under open loop.
   */
  void reconnect(Pacer pacer) {
    if (!running) {
      return;
    }
    reconnects.increment();
    connect(pacer).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        channels.add(f.channel());
      } else {
        error("cannot reconnect to " + target.hostHeader() + ": " + describe(f.cause()));
      }
    });
  }

  /** Connections replaced because the server closed them between answers. */
  public long reconnects() {
    return reconnects.sum();
  }

  /** What happened since the previous call (or since the start). */
  public Interval interval() {
    long now = System.nanoTime();
    Histogram h = new Histogram(3);
    for (SingleWriterRecorder r : recorders.values()) {
      h.add(r.getIntervalHistogram());
    }
    long e = errors.sumThenReset();
    Interval i = new Interval(h, e, now - intervalStart);
    intervalStart = now;
    return i;
  }

  /** The first error seen, for the failure message; null when there was none. */
  public String firstError() {
    return firstError.get();
  }

  /** CPU time of the generator's event-loop threads, nanoseconds. */
  public long cpuNanos() {
    return threads.cpuNanos();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    // Let requests in flight finish (bounded) so the server sees no resets mid-answer.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (inFlight.sum() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    synchronized (channels) {
      for (Channel c : channels) {
        c.close();
      }
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
  }

  boolean running() {
    return running;
  }

  long answerTimeoutNanos() {
    return answerTimeoutNanos;
  }

  /**
   * A socket error in words: its message without the target's address that Netty appends (the line
   * names the target already), or its class when it has no message.
   */
  String describe(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    String address = ": " + target.address();
    return (m.endsWith(address) ? m.substring(0, m.length() - address.length()) : m).strip();
  }

  /** A timeout in words: {@code 10 s}, {@code 300 ms}. */
  static String inWords(long nanos) {
    long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  ByteBuf request() {
    return request;
  }

  Exchange exchange() {
    return exchange;
  }

  SingleWriterRecorder recorder(EventExecutor loop) {
    return recorders.computeIfAbsent(loop, l -> new SingleWriterRecorder(3));
  }

  LongAdder inFlight() {
    return inFlight;
  }

  void error(String what) {
    if (running) {
      errors.increment();
      firstError.compareAndSet(null, what);
    }
  }
}
