package ai.dify.delms.license;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** license-service: every enterprise license from creation to expiry, around its License ID. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LicenseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicenseServiceApplication.class, args);
    }
}
