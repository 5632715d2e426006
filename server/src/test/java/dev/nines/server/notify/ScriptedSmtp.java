package dev.nines.server.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that answers every command with 250 except the one the test scripts: it makes a
 * receiver that says "try later" (4xx) or "never" (5xx) at a given step.
 */
final class ScriptedSmtp implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  private final String command;
  private final String reply;

  /**
   * @param command the command to refuse, e.g. {@code RCPT} or {@code MAIL}
   * @param reply the whole reply line, e.g. {@code 451 4.3.0 try again later}
   */
  ScriptedSmtp(String command, String reply) throws IOException {
    this.command = command;
    this.reply = reply;
    this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    send(out, "220 scripted ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      if (verb.equals(command)) {
        send(out, reply);
      } else if (verb.equals("EHLO")) {
        send(out, "250 scripted");
      } else if (verb.equals("DATA")) {
        send(out, "354 go ahead");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message itself is not looked at
        }
        send(out, "250 2.0.0 queued");
      } else if (verb.equals("QUIT")) {
        send(out, "221 bye");
        return;
      } else {
        send(out, "250 2.0.0 ok");
      }
    }
  }

  private static void send(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
