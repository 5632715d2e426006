package dev.nines.spec;

/**
 * Where Nines keeps its history. The default is an embedded H2 file under {@code ./.nines/}.
 *
 * @param url JDBC url of the store ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...})
 * @param user may be null
 * @param password may be null; never logged
 */
public record StoreSpec(String url, String user, String password) {
  public static final StoreSpec DEFAULT =
      new StoreSpec("jdbc:h2:file:./.nines/store;AUTO_SERVER=TRUE", null, null);

  @Override
  public String toString() {
    return "StoreSpec[url=" + url + ", user=" + user + "]";
  }
}
