package ai.dify.delms.license.files.internal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A license file as an HTTP answer: its bytes unchanged, as a download named after the license. */
public final class LicenseFileResponses {

    static final String MEDIA_TYPE = "text/plain;charset=UTF-8";
    /** The serial of the file in the body, so a client need not parse the file to record it. */
    static final String SERIAL_HEADER = "DELMS-License-File-Serial";

    private LicenseFileResponses() {
    }

    static ResponseEntity<byte[]> download(LicenseFiles.FileDownload download) {
        IssuedFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getLicenseId() + ".lic").build().toString())
                .header(SERIAL_HEADER, file.getFileSerial())
                // a file names its serial and issue time: a cache must not hand it out as another's
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
