/**
 * The Feign interface and wire models generated from the spec. Internal to wxc-sdk-java: its packages are exported
 * only to the facade, so no other module can compile against them; the models are open to Jackson, which reads and
 * writes them reflectively.
 */
module io.github.wxcsdk.conference.client {
    requires transitive feign.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    // annotations only: not needed at run time
    requires static jakarta.annotation;
    requires static jakarta.validation;

    exports io.github.wxcsdk.internal.generated.conference.api to io.github.wxcsdk.conference;
    exports io.github.wxcsdk.internal.generated.conference.model to io.github.wxcsdk.conference;
    opens io.github.wxcsdk.internal.generated.conference.model to com.fasterxml.jackson.databind;
}
