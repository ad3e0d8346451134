package io.github.wxcsdk.simulator;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test class one {@link WebexSimulator}, started before the class's first test
 * and closed after its last, and injects it into constructors, test methods and lifecycle methods
 * ({@code @BeforeAll}, {@code @BeforeEach}, ...) that declare a {@code WebexSimulator} parameter. Nested test classes
 * share the simulator of their enclosing class. Tests of one class share the simulator's state: use distinct tokens
 * or {@link WebexSimulator#reset(String)} to keep them apart.
 *
 * <pre>{@code
 * @ExtendWith(WebexSimulatorExtension.class)
 * class MyTest {
 *     @Test
 *     void mutes(WebexSimulator sim) { ... sim.baseUrl() ... }
 * }
 * }</pre>
 * or {@code @RegisterExtension static final WebexSimulatorExtension SIMULATOR = new WebexSimulatorExtension();}.
 */
public final class WebexSimulatorExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WebexSimulatorExtension.class);

    private final RateLimit rateLimit;

    /** Creates the extension; its simulators start without a rate limit. */
    public WebexSimulatorExtension() {
        // the simulator lives in the test class's ExtensionContext store, which closes it
        this(RateLimit.none());
    }

    private WebexSimulatorExtension(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    /**
     * An extension whose simulators start with a simulator-wide rate limit, for
     * {@code @RegisterExtension static final WebexSimulatorExtension SIM =
     * WebexSimulatorExtension.withRateLimit(RateLimit.tokenBucket(40, 10));}. Tests can still change it through
     * {@link WebexSimulator#rateLimits()}.
     *
     * @param rateLimit the limit each bearer token gets
     * @return the extension
     * @throws NullPointerException if {@code rateLimit} is null
     */
    public static WebexSimulatorExtension withRateLimit(RateLimit rateLimit) {
        return new WebexSimulatorExtension(java.util.Objects.requireNonNull(rateLimit, "rateLimit"));
    }

    /**
     * Starts the test class's simulator.
     *
     * @param context the test class's context
     * @throws java.io.UncheckedIOException if the simulator cannot start
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    /**
     * Tells JUnit that this extension resolves parameters of type {@link WebexSimulator}.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return whether the parameter's type is {@code WebexSimulator}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == WebexSimulator.class;
    }

    /**
     * Returns the test class's simulator, starting it if the class has none yet.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return the simulator of the current test class
     * @throws java.io.UncheckedIOException if the simulator cannot start
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext);
    }

    private WebexSimulator simulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        // the store looks in enclosing classes' stores first, so nested classes share their outer class's simulator
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSimulator.class, key -> new RunningSimulator(start()),
                        RunningSimulator.class)
                .simulator();
    }

    private WebexSimulator start() {
        WebexSimulator simulator = WebexSimulator.start();
        simulator.rateLimits().set(rateLimit);
        return simulator;
    }

    /** Closes the simulator when JUnit discards the test class's context. */
    private record RunningSimulator(WebexSimulator simulator) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            simulator.close();
        }
    }
}
