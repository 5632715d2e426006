package dev.nines.server.lineage;

import dev.nines.server.api.BadRequest;
import dev.nines.server.api.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body up to a size limit, inflating {@code Content-Encoding: gzip}. The limit
 * applies to the inflated size too, so a small compressed body cannot expand without bound.
 */
public final class RequestBodies {
  private final LongSupplier limit;

  /** {@code limit} gives the limit in force, in bytes (it may change on reload). */
  public RequestBodies(LongSupplier limit) {
    this.limit = limit;
  }

  /** The body's bytes, inflated when gzip-encoded. */
  public byte[] read(Context ctx) {
    long maxBytes = limit.getAsLong();
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    String encoding = ctx.header("Content-Encoding");
    boolean gzip = encoding != null && encoding.trim().toLowerCase(Locale.ROOT).equals("gzip");
    if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
      throw new BadRequest(
          "Content-Encoding '" + encoding + "' is not supported; use gzip or none");
    }
    try (InputStream raw = ctx.req().getInputStream()) {
      byte[] bytes = readAtMost(raw, maxBytes);
      return gzip ? inflate(bytes, maxBytes) : bytes;
    } catch (IOException e) {
      throw new BadRequest("the body could not be read: " + e.getMessage());
    }
  }

  private static byte[] inflate(byte[] compressed, long maxBytes) {
    try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return readAtMost(inflated, maxBytes);
    } catch (ZipException e) {
      throw new BadRequest("the body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new BadRequest("the gzip body could not be read: " + e.getMessage());
    }
  }

  private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      total += read;
      if (total > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static PayloadTooLarge tooLarge(long maxBytes) {
    return new PayloadTooLarge(
        "the body is larger than " + maxBytes + " bytes; send fewer events per request");
  }
}
