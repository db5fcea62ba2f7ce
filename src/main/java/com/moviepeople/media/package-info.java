/**
 * Pictures: members' uploads decoded, checked and re-encoded (never served as uploaded), stored in
 * a {@link com.moviepeople.media.MediaStorage} (a folder under the data directory, or any
 * S3-compatible store), and served from {@code GET /media/{key}}. Public API:
 * {@link com.moviepeople.media.Pictures}, {@link com.moviepeople.media.PictureKind},
 * {@link com.moviepeople.media.Picture}, {@link com.moviepeople.media.InvalidPictureException}.
 * Deleting an account deletes its files (the accounts module's {@code MemberDeleted}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "shared"})
package com.moviepeople.media;
