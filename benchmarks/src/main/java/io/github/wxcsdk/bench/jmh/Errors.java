package io.github.wxcsdk.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Failed calls of one caller thread, reported by JMH as the secondary result {@code errors}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Errors {
    /** Calls that threw, this iteration. */
    public long errors;

    /** Counts each iteration afresh. */
    @Setup(Level.Iteration)
    public void clear() {
        errors = 0;
    }
}
