package com.tradethehype.gateway.repository;

import com.tradethehype.gateway.Account;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts in schema {@code gateway}, through plain JDBC: one table, a handful of statements. */
@ApplicationScoped
public class AccountRepository {

    private static final String COLUMNS = "id, email, password_hash, subscriber_id, created_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource db;

    public AccountRepository(AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts {@code account}; false if its email is already taken. */
    public boolean insert(Account account) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, account.id());
            s.setString(2, account.email());
            s.setString(3, account.passwordHash());
            s.setString(4, account.subscriberId());
            s.setTimestamp(5, Timestamp.from(account.createdAt()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("insert account failed: " + e.getMessage(), e);
        }
    }

    public Optional<Account> byEmail(String email) {
        return one("SELECT " + COLUMNS + " FROM account WHERE email = ?", email);
    }

    public Optional<Account> byId(UUID id) {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id);
    }

    /** Deletes the account; false if there was none. */
    public boolean delete(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM account WHERE id = ?")) {
            s.setObject(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("delete account failed: " + e.getMessage(), e);
        }
    }

    /** Accounts newest first, at most {@code limit}. */
    public List<Account> list(int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM account ORDER BY created_at DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.add(map(rs));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("list accounts failed: " + e.getMessage(), e);
        }
    }

    private Optional<Account> one(String sql, Object key) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read account failed: " + e.getMessage(), e);
        }
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("subscriber_id"), rs.getTimestamp("created_at").toInstant());
    }
}
