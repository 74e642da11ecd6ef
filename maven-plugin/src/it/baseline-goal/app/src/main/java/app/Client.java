package app;

import api.Channel;
import api.Message;

/** Module B uses module A's contract, read from A's classes on B's classpath. */
public class Client {
  int sendAndMeasure(Channel channel) {
    Message message = new Message();
    channel.send(message);
    return message.size();
  }
}
