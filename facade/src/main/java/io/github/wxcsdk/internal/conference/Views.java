package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.AsyncCallExecutor;
import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsAsyncApi;

/** The four public views over the shared rules: user and member, sync and async. Each method is one line. */
public final class Views {
    private Views() {
    }

    /** The scope of a line-owner view, with its id checked. */
    static ConferenceEndpoints lineOwner(String lineOwnerId) {
        return new UserEndpoints(ConferenceArguments.requireId(lineOwnerId, "lineOwnerId"));
    }

    /** The scope of a member view, with its ids checked. */
    static ConferenceEndpoints member(String memberId, String orgId, boolean orgGiven) {
        return new MemberEndpoints(ConferenceArguments.requireId(memberId, "memberId"),
                orgGiven ? ConferenceArguments.requireId(orgId, "orgId") : null);
    }

    /** The user's conference controls, synchronous. */
    public static final class User extends SyncConferenceView implements ConferenceControlsApi {
        public User(ConferenceRequests requests, CallExecutor executor) {
            super(requests, executor);
        }

        @Override
        public ConferenceControlsApi forLineOwner(String lineOwnerId) {
            return new User(requests.in(lineOwner(lineOwnerId)), executor);
        }

        @Override
        public MemberConferenceControlsApi forMember(String memberId) {
            return new Member(requests.in(member(memberId, null, false)), executor);
        }

        @Override
        public MemberConferenceControlsApi forMember(String memberId, String orgId) {
            return new Member(requests.in(member(memberId, orgId, true)), executor);
        }
    }

    /** A member's conference controls, synchronous. */
    static final class Member extends SyncConferenceView implements MemberConferenceControlsApi {
        Member(ConferenceRequests requests, CallExecutor executor) {
            super(requests, executor);
        }
    }

    /** The user's conference controls, asynchronous. */
    public static final class AsyncUser extends AsyncConferenceView implements ConferenceControlsAsyncApi {
        public AsyncUser(ConferenceRequests requests, AsyncCallExecutor executor) {
            super(requests, executor);
        }

        @Override
        public ConferenceControlsAsyncApi forLineOwner(String lineOwnerId) {
            return new AsyncUser(requests.in(lineOwner(lineOwnerId)), executor);
        }

        @Override
        public MemberConferenceControlsAsyncApi forMember(String memberId) {
            return new AsyncMember(requests.in(member(memberId, null, false)), executor);
        }

        @Override
        public MemberConferenceControlsAsyncApi forMember(String memberId, String orgId) {
            return new AsyncMember(requests.in(member(memberId, orgId, true)), executor);
        }
    }

    /** A member's conference controls, asynchronous. */
    static final class AsyncMember extends AsyncConferenceView implements MemberConferenceControlsAsyncApi {
        AsyncMember(ConferenceRequests requests, AsyncCallExecutor executor) {
            super(requests, executor);
        }
    }
}
