package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;

/**
 * Asynchronous I/O hands its attachment to the completion handler (decision 269): a buffer passed
 * as the attachment is the handler's to release (armeria's file streaming).
 */
public class AsyncAttachments implements CompletionHandler<Integer, ByteBuf> {
  private final AsynchronousFileChannel channel;

  public AsyncAttachments(AsynchronousFileChannel channel) {
    this.channel = channel;
  }

  // Negative: the buffer rides along as the attachment, and the handler releases it.
  void readNext(ByteBufAllocator alloc, long position, int n) {
    ByteBuf buffer = alloc.buffer(n);
    channel.read(buffer.nioBuffer(0, n), position, buffer, this);
  }

  // The nearest bug: only a view of the buffer goes to the channel; nobody releases the buffer.
  void readIntoAView(ByteBufAllocator alloc, long position, int n) {
    ByteBuf buffer = alloc.buffer(n); // expect: owned-value-leaked
    channel.read(buffer.nioBuffer(0, n), position, null, null);
  }

  @Override
  public void completed(Integer read, ByteBuf buffer) {
    buffer.release();
  }

  @Override
  public void failed(Throwable failure, ByteBuf buffer) {
    buffer.release();
  }
}
