package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;

/**
 * A composite buffer takes over the components it is given and holds them until it is released
 * itself (`@HeldAlive`, decision 290): reading a component's indices afterwards is correct;
 * releasing it, or handing it on again, releases it twice.
 */
public class CompositeComponents {

  // Negative (the Cassandra driver's ByteBufPrimitiveCodec.concat): the components' sizes read
  // after they were added, while the composite holds them.
  static ByteBuf concat(ByteBufAllocator alloc, ByteBuf left, ByteBuf right) {
    CompositeByteBuf c = alloc.compositeBuffer();
    c.addComponents(left, right);
    c.writerIndex(left.writerIndex() - left.readerIndex() + right.writerIndex() - right.readerIndex());
    return c;
  }

  // Negative (SOFA Bolt's cumulator, Netty 4.0's): the size read in the same statement.
  static ByteBuf cumulate(ByteBufAllocator alloc, ByteBuf in) {
    CompositeByteBuf composite = alloc.compositeBuffer();
    composite.addComponent(in).writerIndex(composite.writerIndex() + in.readableBytes());
    return composite;
  }

  // Negative (FINDINGS H2): wrapped into a composite, then its size read.
  static ByteBuf append(ByteBuf cur, ByteBuf buffer, int[] size) {
    ByteBuf out = Unpooled.wrappedBuffer(cur, buffer);
    size[0] -= buffer.readableBytes();
    return out;
  }

  // Positive, side by side: the component released after the composite took it over.
  static ByteBuf releasedTwice(ByteBufAllocator alloc, ByteBuf in) {
    CompositeByteBuf composite = alloc.compositeBuffer();
    composite.addComponent(true, in);
    in.release(); // expect: use-after-move
    return composite;
  }

  // Positive: the component written to the channel as well as kept by the composite.
  static void handedOnTwice(ChannelHandlerContext ctx, ByteBufAllocator alloc, ByteBuf in) {
    CompositeByteBuf composite = alloc.compositeBuffer();
    composite.addComponent(true, in);
    ctx.write(in); // expect: use-after-move
    ctx.write(composite);
  }
}
