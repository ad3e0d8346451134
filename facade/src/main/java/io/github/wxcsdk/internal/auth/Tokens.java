package io.github.wxcsdk.internal.auth;

/** The one check of a token's text, shared by every way a token reaches a client. */
public final class Tokens {
    private Tokens() {
    }

    /**
     * @param token a token, not {@code null}
     * @param what  how to name it in a message
     * @return the token without surrounding white space
     * @throws IllegalArgumentException when it is blank or holds a character that is not printable ASCII (an HTTP
     *                                  header would carry it as {@code ?}); the message never shows the token
     */
    public static String checked(String token, String what) {
        String stripped = token.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(what + " holds a character that is not printable ASCII at"
                        + " position " + i + "; an HTTP header cannot carry it");
            }
        }
        return stripped;
    }
}
