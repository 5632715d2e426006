/**
 * Not API: how the store talks to its database. Jdbi SqlObject DAOs (SQL in text blocks, the long
 * ones in {@code .sql} files beside their DAO), the rows they write, the column mappers, opening
 * and migrating the database, and turning its errors into messages.
 */
package dev.nines.store.internal;
