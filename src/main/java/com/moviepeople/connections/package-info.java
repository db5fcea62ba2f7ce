/**
 * Connection requests and the graph of accepted connections.
 * Public API: {@link com.moviepeople.connections.Connections}, {@link com.moviepeople.connections.ConnectionState},
 * {@link com.moviepeople.connections.RequestResult} and the events {@link com.moviepeople.connections.ConnectionAccepted}
 * and {@link com.moviepeople.connections.ConnectionRemoved}. A block (module blocking) removes the pair's
 * connection or request, and no request passes between blocked members.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "shared"})
package com.moviepeople.connections;
