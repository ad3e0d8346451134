package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's error-code table lists exactly the codes the simulator answers with (every {@link Problem}), each with
 * its status, so that the documentation cannot drift from the code again.
 */
class ErrorCodeTableTest {
    /** A row of the table: {@code | 400 | 40001-40010 | when |} or {@code | 409 | 40904 | ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| ([0-9, -]+) \\|.*");

    @Test
    void theReadmeTableListsEveryErrorCodeWithItsStatus() throws IOException {
        Map<Integer, Integer> documented = documentedCodes(Files.readAllLines(Path.of("README.md")));
        Map<Integer, Integer> answered = Arrays.stream(Problem.values())
                .collect(Collectors.toMap(Problem::errorCode, Problem::status, (a, b) -> a, TreeMap::new));

        assertEquals(answered, documented, "README.md's error-code table (code=status) differs from Problem");
    }

    @Test
    void codesAreTheStatusFollowedByTwoDigitsAndUnique() {
        TreeSet<Integer> codes = new TreeSet<>();
        for (Problem problem : Problem.values()) {
            assertEquals(problem.status(), problem.errorCode() / 100, problem.name());
            assertTrue(codes.add(problem.errorCode()), "duplicate code " + problem.errorCode());
        }
    }

    private static Map<Integer, Integer> documentedCodes(List<String> readme) {
        Map<Integer, Integer> codes = new TreeMap<>();
        for (String line : readme) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            int status = Integer.parseInt(row.group(1));
            for (String part : row.group(2).split(",")) {
                String[] range = part.strip().split("-");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 1 ? from : Integer.parseInt(range[1].strip());
                for (int code = from; code <= to; code++) {
                    codes.put(code, status);
                }
            }
        }
        return codes;
    }
}
