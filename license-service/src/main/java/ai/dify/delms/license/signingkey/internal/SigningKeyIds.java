package ai.dify.delms.license.signingkey.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Key ids {@code lk-YYYYMMDD-xxxxxx}: the UTC day the key was made and six random hex digits, so an
 * id says how old a key is and never hints at how many there are.
 */
public final class SigningKeyIds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningKeyIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return "lk-" + DAY.format(now) + "-" + HexFormat.of().formatHex(random);
    }
}
