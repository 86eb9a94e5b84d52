package org.sanyi.platform.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** The probe's only entity: written through GroupCommit in the platform's tests. */
@Entity
@Table(name = "probe_note")
public class ProbeNote {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String body;

    public static ProbeNote of(String author, String body) {
        ProbeNote note = new ProbeNote();
        note.id = UUID.randomUUID();
        note.author = author;
        note.body = body;
        return note;
    }
}
