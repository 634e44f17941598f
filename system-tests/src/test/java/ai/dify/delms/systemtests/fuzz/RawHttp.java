package ai.dify.delms.systemtests.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}). A fuzzer
 * needs what a polite client refuses to send: bytes that are not UTF-8 in the request line,
 * malformed percent-escapes, header values with control characters, a body announced as chunked.
 * The body is written on its own thread while the answer is read, so an early refusal (413 while
 * the body is still being sent) is read before the server resets the connection.
 */
final class RawHttp implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final String host;
    private final int port;
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-body-writer");
        thread.setDaemon(true);
        return thread;
    });

    RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
    }

    /** One exchange; never throws for what the server does: a closed connection without an answer is an {@link Answer} too. */
    Answer exchange(FuzzRequest request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(request));
            out.flush();
            CompletableFuture<Void> bodyWritten = CompletableFuture.runAsync(() -> writeBody(request.body(), out), writers);
            byte[] raw = readAll(socket.getInputStream());
            bodyWritten.cancel(true);
            return Answer.parse(raw, elapsed(started));
        } catch (SocketTimeoutException e) {
            return Answer.noAnswer("no answer within " + TIMEOUT.toSeconds() + " s", elapsed(started));
        } catch (IOException e) {
            return Answer.noAnswer("connection failed: " + e.getMessage(), elapsed(started));
        }
    }

    private byte[] head(FuzzRequest request) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, request.method().getBytes(StandardCharsets.US_ASCII));
        write(head, " ".getBytes(StandardCharsets.US_ASCII));
        write(head, request.target());
        write(head, " HTTP/1.1\r\nHost: ".getBytes(StandardCharsets.US_ASCII));
        write(head, (host + ":" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
        for (FuzzRequest.Header header : request.headers()) {
            write(head, header.name().getBytes(StandardCharsets.ISO_8859_1));
            write(head, ": ".getBytes(StandardCharsets.US_ASCII));
            write(head, header.value());
            write(head, "\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        FuzzRequest.Body body = request.body();
        if (body != null) {
            if (body.contentType() != null) {
                write(head, ("Content-Type: " + body.contentType() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            String framing = body.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n";
            write(head, framing.getBytes(StandardCharsets.US_ASCII));
        }
        write(head, "\r\n".getBytes(StandardCharsets.US_ASCII));
        return head.toByteArray();
    }

    private static void writeBody(FuzzRequest.Body body, OutputStream out) {
        if (body == null) {
            return;
        }
        try {
            if (!body.chunked()) {
                out.write(body.bytes());
            } else {
                // 64 KiB chunks: the server learns the total only by counting
                byte[] bytes = body.bytes();
                for (int offset = 0; offset < bytes.length; offset += 65_536) {
                    int length = Math.min(65_536, bytes.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException refusedMidway) {
            // the server answered (or gave up) before reading all of it: its answer is what counts
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int read; (read = in.read(buffer)) != -1 && answer.size() < MAX_ANSWER_BYTES; ) {
                answer.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
            // a reset after the answer arrived (the server closed while the body was being sent)
        }
        return answer.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    /** What came back: a status line, headers and a body; or nothing ({@code status} 0). */
    record Answer(int status, List<String[]> headers, byte[] body, String failure, Duration took) {

        static Answer noAnswer(String why, Duration took) {
            return new Answer(0, List.of(), new byte[0], why, took);
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static Answer parse(byte[] raw, Duration took) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (raw.length == 0) {
                return noAnswer("connection closed without an answer", took);
            }
            if (end < 0) {
                return new Answer(0, List.of(), raw, "answer without a complete head", took);
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (RuntimeException e) {
                return new Answer(0, List.of(), raw, "no status line: " + lines[0], took);
            }
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                    && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
            return new Answer(status, headers, chunked ? dechunk(body) : body, null, took);
        }

        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int position = 0;
            while (position < body.length) {
                int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), position);
                if (lineEnd < 0) {
                    break;
                }
                String sizeText = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0].trim();
                int size;
                try {
                    size = Integer.parseInt(sizeText, 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (size == 0) {
                    break;
                }
                int start = lineEnd + 2;
                out.write(body, start, Math.min(size, body.length - start));
                position = start + size + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            return indexOf(haystack, needle, 0);
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
