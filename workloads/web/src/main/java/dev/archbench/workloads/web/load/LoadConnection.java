package dev.archbench.workloads.web.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/** One keep-alive connection of the {@link LoadGenerator}: send, check the answer, record, repeat. */
final class LoadConnection extends ChannelInboundHandlerAdapter {
  private final LoadGenerator gen;
  private final Pacer pacer;
  private final ResponseParser parser;
  private SingleWriterRecorder recorder;
  private ChannelHandlerContext ctx;
  private long sentAt;
  private boolean inFlight;

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
      while (in.isReadable()) {
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

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (inFlight) {
      inFlight = false;
      gen.inFlight().decrement();
      gen.error("connection closed by the server with a request in flight");
    } else if (!parser.midAnswer()) {
      gen.reconnect(pacer); // closed between answers: a keep-alive limit, not an error
    } else {
      gen.error("connection closed by the server mid-answer");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    gen.error(cause.toString());
    ctx.close();
  }
}
