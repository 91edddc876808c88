package dev.heapdelta.samples.service;

/** One incoming request; it is garbage once the request has been handled. */
record RequestContext(int number, String userId, String path) {
}
