package io.github.wxcsdk.telephony.conference;

/**
 * The asynchronous twin of {@link MemberConferenceControlsApi}: one member's conference controls, the operations of
 * {@link ConferenceOperationsAsyncApi} on {@code /telephony/conference/members/{memberId}/...}
 * ({@code spark-admin:calls_read} / {@code spark-admin:calls_write}, {@code ?orgId=} when the view names an org), each
 * returning a {@link java.util.concurrent.CompletableFuture}. Arguments are checked and failures reported as on
 * {@link ConferenceOperationsAsyncApi}. Implementations are immutable and thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface MemberConferenceControlsAsyncApi extends ConferenceOperationsAsyncApi {
}
