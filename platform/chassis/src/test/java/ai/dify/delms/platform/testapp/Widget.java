package ai.dify.delms.platform.testapp;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Widget {

    @Id
    private UUID id;
    private String name;
    private int size;
    private String accessToken;
    @Version
    private long version;

    protected Widget() {
    }

    Widget(String name, int size) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.size = size;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public int getSize() { return size; }
    public long getVersion() { return version; }

    void rename(String name) {
        this.name = name;
    }

    void reshape(String name, int size, String accessToken) {
        this.name = name;
        this.size = size;
        this.accessToken = accessToken;
    }
}
