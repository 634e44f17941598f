package ai.dify.delms.platform.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Answers what it read, so a test sees exactly how the chassis reads bodies and parameters. */
@RestController
class ProbeController {

    record Probe(String text, List<String> tags, Integer count, int size, UUID ref, LocalDate day) {
    }

    record Dates(LocalDate on, LocalDate plain) {
    }

    @PostMapping("/api/v1/probes")
    Probe echo(@RequestBody Probe body) {
        return body;
    }

    record Ids(UUID one, List<UUID> many, UUID single) {
    }

    @GetMapping("/api/v1/probes/ids/{one}")
    Ids ids(@PathVariable UUID one, @RequestParam(required = false) List<UUID> many,
            @RequestParam(required = false) UUID single) {
        return new Ids(one, many, single);
    }

    @GetMapping("/api/v1/probes/dates")
    Dates dates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) LocalDate plain) {
        return new Dates(on, plain);
    }
}
