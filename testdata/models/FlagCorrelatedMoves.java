package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import java.util.List;

/**
 * A move seen only on paths where a tested flag has the other value does not reach the code that
 * flag guards (decision 249): a boolean set right after the move, or a composite that is not null
 * once a method was called on it. D10 keeps the analyses path-insensitive otherwise.
 */
public class FlagCorrelatedMoves {

  // Negative: the slice is released only while the flag says it was not added (r2dbc-mariadb).
  void addedFlag(ByteBuf buf, CompositeByteBuf multipart, List<Object> out, int length) {
    ByteBuf slice = buf.readRetainedSlice(length);
    boolean added = false;
    try {
      multipart.addComponent(true, slice);
      added = true;
      out.add(multipart.copy());
    } catch (Throwable t) {
      if (!added) {
        slice.release();
      }
      throw t;
    }
  }

  // The same without the flag: when `out.add` fails, the slice the composite owns is released.
  void noFlag(ByteBuf buf, CompositeByteBuf multipart, List<Object> out, int length) {
    ByteBuf slice = buf.readRetainedSlice(length);
    try {
      multipart.addComponent(true, slice);
      out.add(multipart.copy());
    } catch (Throwable t) {
      slice.release(); // expect: use-after-move
      throw t;
    }
  }

  // Negative: the header is released only while the composite is null, i.e. before it took the
  // header (amqp-client's NettyFrameHandlerFactory).
  void compositeOrHeader(Channel channel, ByteBuf body) {
    ByteBuf header = channel.alloc().directBuffer(7);
    CompositeByteBuf composite = null;
    try {
      header.writeByte(1);
      composite = channel.alloc().compositeBuffer(2);
      composite.addComponents(true, header, body);
      channel.write(composite, channel.voidPromise());
    } catch (Throwable t) {
      if (composite != null) {
        composite.release();
      } else {
        header.release();
      }
      throw t;
    }
  }

  // The header released whatever the composite is: twice, when the composite took it.
  void compositeAndHeader(Channel channel, ByteBuf body) {
    ByteBuf header = channel.alloc().directBuffer(7);
    CompositeByteBuf composite = null;
    try {
      header.writeByte(1);
      composite = channel.alloc().compositeBuffer(2);
      composite.addComponents(true, header, body);
      channel.write(composite, channel.voidPromise());
    } catch (Throwable t) {
      if (composite != null) {
        composite.release();
      }
      header.release(); // expect: use-after-move
      throw t;
    }
  }

  // D10's own example: a condition the body records nothing in (a computed value) is not
  // correlated, and the use after the move on the other branch is reported, as rustc reports it.
  void sameCondition(ByteBuf buf, CompositeByteBuf composite) {
    ByteBuf slice = buf.readRetainedSlice(4); // expect: owned-value-leaked
    boolean c = buf.isReadable();
    if (c) {
      composite.addComponent(true, slice);
    }
    if (!c) {
      slice.release(); // expect: use-after-move
    }
  }
}
