package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.group.ChannelGroup;

/**
 * Writing to a channel group writes a duplicate to each channel and releases the message: the
 * group takes it over (decision 275).
 */
public class ChannelGroups {
  // Negative: the group takes the buffer it broadcasts (Micronaut's WebSocket broadcaster).
  void broadcast(ChannelGroup group, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    group.writeAndFlush(buf);
  }

  // The nearest bug: the buffer is released again after the group released it.
  void releasedAgain(ChannelGroup group, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    group.writeAndFlush(buf);
    buf.release(); // expect: use-after-move
  }
}
