package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * A heap buffer around the caller's array, or a copy into a new heap buffer, holds only memory
 * the collector reclaims: dropping it leaks nothing (decision 332). It is still an owner, and an
 * allocation is still to release.
 */
public class HeapBuffers {
  // Negative (ZooKeeper's HexDumpOutputFormatter, PLC4X's S7CyclicEvent): wrapped, read, dropped.
  String hexDump(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    return ByteBufUtil.prettyHexDump(buf);
  }

  // Negative: a copy lent to a reader and dropped.
  int quoteCount(ByteBuf packet) {
    return ByteBufUtil.indexOf(Unpooled.copiedBuffer("\"", StandardCharsets.UTF_8), packet);
  }

  // An allocation read and dropped: its memory may be pooled or direct.
  short firstShort(byte[] data) {
    ByteBuf buf = Unpooled.directBuffer(data.length); // expect: owned-value-leaked
    buf.writeBytes(data);
    return buf.getShort(0);
  }

  // One branch allocates: the duty is that branch's.
  int length(byte[] data, boolean direct) {
    ByteBuf buf = direct ? Unpooled.directBuffer(data.length) : Unpooled.wrappedBuffer(data); // expect: owned-value-leaked
    return buf.readableBytes();
  }

  // A wrapped buffer released, then read: its reference count is gone.
  short readAfterRelease(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    buf.release();
    return buf.getShort(0); // expect: use-after-move
  }

  // A project's helper returning a heap copy: what it returns holds nothing to release either
  // (decision 345, LittleProxy's ProxyUtils).
  private static ByteBuf heapCopy(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return Unpooled.copiedBuffer(bytes);
  }

  // A helper making a message around a heap copy only.
  private static FullHttpResponse heapResponse(String body) {
    ByteBuf content = Unpooled.copiedBuffer(body.getBytes(StandardCharsets.UTF_8));
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY, content);
  }

  // A helper allocating: what it returns is to release.
  private static ByteBuf allocated(int size) {
    return Unpooled.directBuffer(size);
  }

  // A helper whose paths disagree: a heap copy on one, an allocation on the other.
  private static ByteBuf copyOrAllocate(byte[] data, boolean direct) {
    if (direct) {
      ByteBuf buf = Unpooled.directBuffer(data.length);
      buf.writeBytes(data);
      return buf;
    }
    return Unpooled.copiedBuffer(data);
  }

  // A helper making a message around an allocation.
  private static FullHttpResponse allocatedResponse(int size) {
    ByteBuf content = Unpooled.directBuffer(size);
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
  }

  // Negative: the helper's heap copy read and dropped.
  int heapCopyDropped() {
    ByteBuf buf = heapCopy("Bad Gateway");
    return buf.readableBytes();
  }

  // Negative: the helper's heap response read and dropped.
  String heapResponseDropped() {
    FullHttpResponse response = heapResponse("Bad Gateway");
    return response.status().toString();
  }

  // The helper's allocation read and dropped.
  int allocatedDropped() {
    ByteBuf buf = allocated(16); // expect: owned-value-leaked
    return buf.capacity();
  }

  // The helper that may allocate: dropped.
  int copyOrAllocateDropped(byte[] data) {
    ByteBuf buf = copyOrAllocate(data, data.length > 64); // expect: owned-value-leaked
    return buf.readableBytes();
  }

  // A response around an allocation, dropped.
  String allocatedResponseDropped() {
    FullHttpResponse response = allocatedResponse(16); // expect: owned-value-leaked
    return response.status().toString();
  }

  // Negative: a full response made without a buffer holds an empty heap buffer of its own
  // (decision 351), dropped.
  String emptyResponseDropped() {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
    return response.status().toString();
  }

  // LittleProxy's ProxyUtils: a response around the body when there is one, an empty one else.
  private static FullHttpResponse responseOf(ByteBuf body, int length) {
    DefaultFullHttpResponse response;
    if (body != null) {
      response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
      response.headers().set("Content-Length", length);
    } else {
      response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    }
    return response;
  }

  // ... and its text overload, around a heap copy.
  private static FullHttpResponse responseOf(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf content = Unpooled.copiedBuffer(bytes);
    return responseOf(content, bytes.length);
  }

  // Negative (LittleProxy's short-circuit responses): the text response dropped.
  String textResponseDropped() {
    FullHttpResponse response = responseOf("Bad Gateway");
    return response.status().toString();
  }
}
