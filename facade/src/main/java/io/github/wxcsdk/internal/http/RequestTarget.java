package io.github.wxcsdk.internal.http;

import java.net.URI;

/**
 * The target of a request as messages and DEBUG lines name it: raw path and query, for example
 * {@code /v1/telephony/conference/members/m1/conference?orgId=o1}. The query holds ids only ({@code orgId},
 * {@code lineOwnerId}), never a token, which travels in a header: across many orgs the org of a failure shows.
 */
public final class RequestTarget {
    private RequestTarget() {
    }

    /**
     * @param url an absolute URL
     * @return its raw path and query
     */
    public static String of(String url) {
        return of(URI.create(url));
    }

    /**
     * @param uri an absolute URI
     * @return its raw path and query
     */
    public static String of(URI uri) {
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null ? "" : "?" + query);
    }
}
