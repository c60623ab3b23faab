package org.ubiopsgateway.emulator;

/** An error answer in UbiOps's shape: the status and {@code {"error": message}}. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, what + " was not found");
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }
}
