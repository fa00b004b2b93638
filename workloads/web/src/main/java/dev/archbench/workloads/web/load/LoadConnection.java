package dev.archbench.workloads.web.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One keep-alive connection of the {@link LoadGenerator}: send, check the answer, record, repeat. A
 * service that fails it (no answer in time, a connection closed before or in the middle of an
 * answer, a socket error) counts one error that says which, and the connection is given up.
 */
final class LoadConnection extends ChannelInboundHandlerAdapter {
  private final LoadGenerator gen;
  private final Pacer pacer;
  private final ResponseParser parser;
  private SingleWriterRecorder recorder;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> answerCheck;
  private long sentAt;
  private boolean inFlight;
  /** Given up after an error: its end is no further error and is not replaced. */
  private boolean abandoned;

  LoadConnection(LoadGenerator gen, Pacer pacer) {
    this.gen = gen;
    this.pacer = pacer;
    byte[] body = gen.exchange().expectedBody();
    this.parser = new ResponseParser(body == null ? null : Unpooled.wrappedBuffer(body));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.recorder = gen.recorder(ctx.executor());
    // One check per connection every tenth of the timeout, not one timer per request: cheap at any rate.
    long every = Math.max(1, gen.answerTimeoutNanos() / 10);
    answerCheck = ctx.executor().scheduleAtFixedRate(this::checkAnswerTime, every, every, TimeUnit.NANOSECONDS);
    next(System.nanoTime());
    ctx.fireChannelActive();
  }

  private void next(long now) {
    if (!gen.running()) {
      return;
    }
    long at = pacer.nextSendAt(now);
    if (at <= now) {
      send();
    } else {
      ctx.executor().schedule(this::send, at - now, TimeUnit.NANOSECONDS);
    }
  }

  private void send() {
    if (!gen.running() || !ctx.channel().isActive()) {
      return;
    }
    inFlight = true;
    gen.inFlight().increment();
    sentAt = System.nanoTime();
    ctx.writeAndFlush(gen.request().duplicate(), ctx.voidPromise());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      while (in.isReadable() && !abandoned) {
        if (parser.feed(in)) {
          complete();
        }
      }
    } finally {
      in.release();
    }
  }

  private void complete() {
    long now = System.nanoTime();
    if (!inFlight) {
      gen.error("an answer arrived for no request");
      return;
    }
    inFlight = false;
    gen.inFlight().decrement();
    if (parser.error() != null) {
      gen.error(parser.error());
    } else if (parser.status() != gen.exchange().expectedStatus()) {
      gen.error("status " + parser.status());
    } else if (!parser.bodyMatches()) {
      gen.error("body differs from the validated one (" + parser.bodyLength() + " bytes)");
    } else {
      recorder.recordValue(Math.max(0, pacer.latency(sentAt, now)));
    }
    if (parser.closesConnection()) {
      ctx.close(); // channelInactive replaces it
      return;
    }
    next(now);
  }

  /** A service that accepted the request and never answers would otherwise hold the connection for good. */
  private void checkAnswerTime() {
    if (inFlight && System.nanoTime() - sentAt > gen.answerTimeoutNanos()) {
      giveUp("no answer within " + LoadGenerator.inWords(gen.answerTimeoutNanos()));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (answerCheck != null) {
      answerCheck.cancel(false);
    }
    if (abandoned) {
      // the error that gave it up is counted
    } else if (inFlight || parser.midAnswer()) {
      giveUp(parser.midAnswer() ? "the service closed the connection in the middle of an answer"
          : "the service closed the connection before answering");
    } else {
      gen.reconnect(pacer); // closed between answers: a keep-alive limit, not an error
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!abandoned) {
      giveUp("the connection failed: " + gen.describe(cause));
    }
  }

  /** Counts {@code what} as the error of the request in flight (or of the connection) and closes it. */
  private void giveUp(String what) {
    if (inFlight) {
      inFlight = false;
      gen.inFlight().decrement();
    }
    abandoned = true;
    gen.error(what);
    ctx.close();
  }
}
