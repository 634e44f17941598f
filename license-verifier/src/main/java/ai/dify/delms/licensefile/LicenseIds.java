package ai.dify.delms.licensefile;

import java.util.regex.Pattern;

/** The License ID, {@code XXX-YYYYMM-NNNNNN} (product code, month of creation, number from 000001). */
public final class LicenseIds {

    private static final Pattern LICENSE_ID = Pattern.compile("[A-Z]{3}-[0-9]{4}(0[1-9]|1[0-2])-(?!000000)[0-9]{6}");

    private LicenseIds() {
    }

    public static boolean isValid(String text) {
        return text != null && LICENSE_ID.matcher(text).matches();
    }
}
