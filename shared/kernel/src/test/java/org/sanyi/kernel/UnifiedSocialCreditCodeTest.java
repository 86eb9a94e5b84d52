package org.sanyi.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void publishedCodesPassTheirCheckCharacter() {
        // Codes of two listed companies, as published on their business licences.
        assertThat(UnifiedSocialCreditCode.isValid("91100000100003962T")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("9144030071526726XG")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91100000100003962U")).isFalse();
    }

    @Test
    void theCheckCharacterIsComputedAndVerified() {
        String code = UnifiedSocialCreditCode.withCheckCharacter("12350900MB0123456");
        assertThat(code).hasSize(18);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertThat(UnifiedSocialCreditCode.isValid(code.substring(0, 17) + wrong))
                .isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(code.substring(0, 17))).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("12350900MB012345IX")).isFalse();
    }
}
