/**
 * The generated Feign interface run without Feign's per-call machinery: a call of it is recorded, compiled once into a
 * request plan, and its answer decoded (a 2xx body, or an error answer). The generated interface stays the one
 * description of the wire. Not API.
 */
package io.github.wxcsdk.internal.wire;
