package org.sanyi.localstack.exchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanyi.tokens.TokenContract;
import org.sanyi.tokens.TokenRequest;
import org.sanyi.tokens.TokenSigner;

/**
 * Bearer tokens of role {@code hospital} (and, for the few calls of a regulator, of another role), one per
 * institution, user and role, signed in-process with the stack's key (as {@code ./sanyi token} does) for every
 * service of the stack, and reused: a load generator must not measure its own RSA signing. They live as long as the
 * services allow, so a long benchmark does not outlive them.
 */
public final class HospitalTokens {

    private final TokenSigner signer;
    private final List<String> audiences;
    private final String defaultSubject;
    private final Map<String, String> byInstitutionAndSubject = new ConcurrentHashMap<>();

    /**
     * @param audiences the services the tokens are for
     * @param defaultSubject the user of {@link #bearerFor(String)}
     */
    public HospitalTokens(TokenSigner signer, List<String> audiences, String defaultSubject) {
        this.signer = signer;
        this.audiences = List.copyOf(audiences);
        this.defaultSubject = defaultSubject;
    }

    public String bearerFor(String institutionCode) {
        return bearerFor(institutionCode, defaultSubject);
    }

    /** A token of another user of the institution, e.g. a reviewer who must not be the sending clinician's user. */
    public String bearerFor(String institutionCode, String subject) {
        return bearerFor(institutionCode, subject, TokenContract.HOSPITAL);
    }

    /**
     * A token of another role, e.g. {@link TokenContract#REGULATOR} for the 卫健委's calls.
     *
     * @param subject null for the default user
     */
    public String bearerFor(String institutionCode, String subject, String role) {
        String user = subject == null ? defaultSubject : subject;
        return "Bearer "
                + byInstitutionAndSubject.computeIfAbsent(
                        institutionCode + '\n' + user + '\n' + role,
                        key -> signer.signValid(
                                new TokenRequest(institutionCode, role, user, audiences, TokenContract.MAX_LIFETIME)));
    }
}
