/**
 * Connection requests and the graph of accepted connections.
 * Public API: {@link com.moviepeople.connections.Connections}, {@link com.moviepeople.connections.ConnectionState},
 * {@link com.moviepeople.connections.RequestResult} and the events {@link com.moviepeople.connections.ConnectionAccepted}
 * and {@link com.moviepeople.connections.ConnectionRemoved}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "shared"})
package com.moviepeople.connections;
