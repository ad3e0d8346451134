package io.github.wxcsdk.telephony.conference;

/**
 * Webex Calling conference controls of one member of an org, for admins and Service Apps acting for many members: the
 * operations of {@link ConferenceOperationsApi}. Get it from {@link ConferenceControlsApi#forMember(String)} or
 * {@link ConferenceControlsApi#forMember(String, String)}. What this view adds to the operations:
 * <ul>
 *   <li>paths: {@code /telephony/conference/members/{memberId}/...}; the member and org ids are opaque and
 *       percent-encoded;</li>
 *   <li>scopes: reading needs {@code spark-admin:calls_read}, every other operation {@code spark-admin:calls_write};
 *       a 403 means the token lacks the scope or may not act in that org, a 404 an unknown member or no
 *       conference;</li>
 *   <li>{@code ?orgId=} on every request when the view names an org. Webex takes no {@code lineOwnerId} on these
 *       paths, and this view offers none.</li>
 * </ul>
 * Arguments and failures are as described on {@link ConferenceOperationsApi}. Implementations are immutable and
 * thread-safe.
 *
 * <p>An interface, so that users' tests can stub it.
 */
public interface MemberConferenceControlsApi extends ConferenceOperationsApi {
}
