package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void errorCodesAreUniqueAndStartWithTheStatus() {
        assertEquals(Problem.values().length,
                Arrays.stream(Problem.values()).mapToInt(Problem::errorCode).distinct().count());
        for (Problem problem : Problem.values()) {
            assertEquals(problem.status(), problem.errorCode() / 100, problem.name());
            assertTrue(problem.message().endsWith("."), problem.name());
        }
    }
}
