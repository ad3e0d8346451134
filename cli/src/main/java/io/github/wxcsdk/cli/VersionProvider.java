package io.github.wxcsdk.cli;

import picocli.CommandLine;

/** {@code --version}: the version of this jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = WxcConference.class.getPackage().getImplementationVersion();
        return new String[] {"wxc-conference " + (version == null ? "(development build)" : version)};
    }
}
