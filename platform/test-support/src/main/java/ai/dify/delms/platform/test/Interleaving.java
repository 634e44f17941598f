package ai.dify.delms.platform.test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mockito.stubbing.Answer;

/**
 * Makes a race happen at a chosen point, every time: an {@link Answer} for a spied bean whose first
 * call first runs {@code meanwhile} to its end on another thread (so in its own transaction, e.g. a
 * whole request through the API), then the real method. Later calls, including those made by
 * {@code meanwhile} itself, just run the real method.
 * <pre>{@code
 * doAnswer(Interleaving.first(() -> otherRequest())).when(mergePatchSpy).apply(any(), anyLong(), any(), any());
 * }</pre>
 */
public final class Interleaving {

    private Interleaving() {
    }

    public static Answer<Object> first(Callable<?> meanwhile) {
        AtomicBoolean done = new AtomicBoolean();
        return invocation -> {
            if (done.compareAndSet(false, true)) {
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    other.submit(meanwhile).get();
                } finally {
                    other.shutdownNow();
                }
            }
            return invocation.callRealMethod();
        };
    }
}
