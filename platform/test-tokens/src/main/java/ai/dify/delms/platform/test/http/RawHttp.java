package ai.dify.delms.platform.test.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests ordinary clients refuse to send (a request target
 * with {@code %00}, invalid UTF-8 or a raw CR LF, an over-long request line, a chunked body of any
 * size) and for reading exactly what the server answered, status line and headers as sent.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** One answer: status, headers (names in lower case) and body (chunked transfer decoded). */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} with {@code Host} and {@code Connection: close}, the given
     * header lines and no body, and reads the whole answer.
     */
    public static Response send(int port, String method, String target, String... headerLines) {
        return exchange(port, head(method, target, headerLines), out -> { });
    }

    /**
     * Sends {@code prefix}, {@code fillerSize} bytes of {@code x} and {@code suffix} as one body in
     * chunks of 8 KB with {@code Transfer-Encoding: chunked} (no Content-Length), e.g. a JSON object
     * with one over-long string. Sending stops quietly if the server answers and closes first; the
     * answer is read either way.
     */
    public static Response sendChunked(int port, String method, String target, String prefix, long fillerSize,
            String suffix, String... headerLines) {
        String[] lines = new String[headerLines.length + 1];
        System.arraycopy(headerLines, 0, lines, 0, headerLines.length);
        lines[headerLines.length] = "Transfer-Encoding: chunked";
        byte[] filler = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        return exchange(port, head(method, target, lines), out -> {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            chunk(out, start, start.length);
            for (long sent = 0; sent < fillerSize; sent += filler.length) {
                chunk(out, filler, (int) Math.min(filler.length, fillerSize - sent));
            }
            byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
            chunk(out, end, end.length);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static void chunk(OutputStream out, byte[] bytes, int length) throws IOException {
        if (length > 0) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String head(String method, String target, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Response exchange(int port, String head, Body body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                body.writeTo(out);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered before taking the whole request and closed: read that answer
            }
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("The server closed the connection without answering");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
