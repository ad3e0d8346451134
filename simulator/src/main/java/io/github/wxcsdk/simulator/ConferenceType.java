package io.github.wxcsdk.simulator;

/** The {@code type} of a supervisor's conference (ConferenceTypeEnum); a standard conference has none. */
enum ConferenceType {
    BARGE_IN("bargeIn"),
    SILENT_MONITORING("silentMonitoring"),
    COACHING("coaching");

    private final String wireName;

    ConferenceType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
