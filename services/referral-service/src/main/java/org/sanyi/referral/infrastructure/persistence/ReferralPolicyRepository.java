package org.sanyi.referral.infrastructure.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sanyi.referral.domain.PolicyParameters;
import org.sanyi.referral.domain.ReferralPolicy;

/** The versions of the regional referral policies in {@code referral_policy}, with their parameters parsed. */
@ApplicationScoped
public class ReferralPolicyRepository {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    /**
     * Every stored version.
     *
     * @throws IllegalStateException naming the version whose parameters do not parse
     */
    public List<ReferralPolicy> all() throws SQLException {
        List<ReferralPolicy> policies = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select region_code, version, effective_from, effective_to, parameters::text"
                                + " from referral_policy");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String region = rows.getString(1);
                int version = rows.getInt(2);
                Date effectiveTo = rows.getDate(4);
                PolicyParameters parameters;
                try {
                    parameters = mapper.readValue(rows.getString(5), PolicyParameters.class);
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "Referral policy " + region + " v" + version + " has invalid parameters: " + e.getMessage(),
                            e);
                }
                policies.add(new ReferralPolicy(
                        region,
                        version,
                        rows.getDate(3).toLocalDate(),
                        effectiveTo == null ? null : effectiveTo.toLocalDate(),
                        parameters));
            }
        }
        return policies;
    }
}
