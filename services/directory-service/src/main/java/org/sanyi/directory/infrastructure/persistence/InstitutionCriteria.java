package org.sanyi.directory.infrastructure.persistence;

import java.time.LocalDate;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.InstitutionType;

/** Filters of the institution list; null means "any". {@code on} is the date group membership is judged on. */
public record InstitutionCriteria(
        InstitutionType type, CareLevel level, String countyCode, Boolean active, String groupId, LocalDate on) {}
