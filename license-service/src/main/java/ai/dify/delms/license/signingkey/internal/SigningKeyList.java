package ai.dify.delms.license.signingkey.internal;

import java.util.List;

/** Every signing key, newest first: a handful over the years, so not paged. */
public record SigningKeyList(List<SigningKeyDto> keys) {
}
