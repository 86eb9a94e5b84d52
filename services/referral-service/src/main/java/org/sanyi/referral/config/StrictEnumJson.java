package org.sanyi.referral.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses numbers where a code is expected: by default Jackson reads {@code "urgency": 1} as the second constant,
 * which would turn a client's mistake into a wrong referral.
 */
@Singleton
public class StrictEnumJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
