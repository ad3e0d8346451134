/**
 * The conference operations: their argument rules, the generated method each calls in each scope (the user's lines,
 * an org's member), the public views over them (sync and async), and the mapping of the answer to the public model.
 * Not API.
 */
package io.github.wxcsdk.internal.conference;
