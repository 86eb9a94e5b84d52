package org.sanyi.directory.infrastructure.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sanyi.platform.security.InstitutionDirectory;

/** The directory answers for its callers from its own table: the source of truth, so no copy can lag. */
@ApplicationScoped
public class DirectoryCallers implements InstitutionDirectory {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Standing standingOf(String institutionCode) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select active from institution where code = ?")) {
            select.setString(1, institutionCode);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Standing.UNKNOWN;
                }
                return row.getBoolean(1) ? Standing.ACTIVE : Standing.INACTIVE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the calling institution from the directory", e);
        }
    }
}
