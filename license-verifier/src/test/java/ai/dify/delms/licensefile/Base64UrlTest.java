package ai.dify.delms.licensefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void roundTripsWithoutPadding() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x00, 0x3e};
        assertThat(Base64Url.encode(bytes)).isEqualTo("-_8APg");
        assertThat(Base64Url.decode("-_8APg")).isEqualTo(bytes);
    }

    @Test
    void refusesATextWhoseUnusedBitsAreSetSoEveryByteStringHasOneText() {
        // "-_8APg" and "-_8APh" decode to the same bytes with a lenient decoder
        assertThatThrownBy(() -> Base64Url.decode("-_8APh")).hasMessageContaining("unused bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_8APg==", "+/8APg", "-_8 APg", "A", "-_8APg\n"})
    void refusesPaddingOtherAlphabetsAndWhitespace(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
