package ai.dify.delms.platform.test.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The samples of one scrape of {@code /actuator/prometheus} (text format), as an operator's Prometheus reads them. */
public record PrometheusScrape(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes the application's {@code /actuator/prometheus} (public, no token). */
    public static PrometheusScrape of(MockMvc mvc) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus")).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("GET /actuator/prometheus answered " + response.getStatus());
        }
        return parse(response.getContentAsString());
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new PrometheusScrape(samples);
    }

    /** The samples of a metric whose labels include the given ones. */
    public List<Sample> of(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The one sample of a metric with these labels; fails when there is none or several. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = of(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError("expected one sample of " + name + labels + ", found " + matching);
        }
        return matching.get(0).value();
    }
}
