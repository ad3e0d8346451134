package io.github.wxcsdk;

/**
 * One entry of the {@code errors} array of a Webex error answer.
 *
 * @param description the readable description, or {@code null} when the server sent none
 * @param errorCode   the Webex error code, or {@code null} when the server sent none
 */
public record WebexErrorDetail(String description, Integer errorCode) {
}
