package dev.generators.loop;

import java.net.SocketAddress;

/** A datagram received by a {@link DatagramEndpoint}: its bytes and who sent it. */
public record Datagram(byte[] data, SocketAddress sender) {}
