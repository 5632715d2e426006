package dev.nines.server.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One endpoint: registered from one list, which the OpenAPI test compares with the file. */
public record Route(HandlerType method, String path, Handler handler) {
  public static Route get(String path, Handler handler) {
    return new Route(HandlerType.GET, path, handler);
  }

  public static Route post(String path, Handler handler) {
    return new Route(HandlerType.POST, path, handler);
  }

  public static Route delete(String path, Handler handler) {
    return new Route(HandlerType.DELETE, path, handler);
  }
}
