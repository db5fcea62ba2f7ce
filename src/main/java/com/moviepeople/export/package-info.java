/**
 * Export everything (issue 23): a member asks for a copy of their data ({@code /settings/export}),
 * a background job builds a zip of every module's {@link com.moviepeople.shared.PersonalData}
 * contribution plus a README.txt describing the files, and the member downloads it for 7 days.
 * The job is a row in {@code data_export} that any app instance may claim ({@code FOR UPDATE SKIP
 * LOCKED} with a lease), so it is built once however many instances run and survives a restart.
 * The zip lives in the media module's {@link com.moviepeople.media.PrivateFiles} (a local folder or
 * S3, never a public URL). No public API: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "media", "shared"})
package com.moviepeople.export;
