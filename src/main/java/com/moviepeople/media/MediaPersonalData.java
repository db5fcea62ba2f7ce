package com.moviepeople.media;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The member's own pictures (profile photo, portfolio stills) in the largest size stored, as
 * {@code pictures/{pictureId}.jpg}: profile.json and portfolio.json name them. Only pictures the
 * member uploaded ({@code owner_id}), never anyone else's.
 */
@Component
class MediaPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final MediaStorage storage;

    MediaPersonalData(JdbcClient jdbc, MediaStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    @Override
    public String name() {
        return "pictures/";
    }

    @Override
    public String description() {
        return """
                Your pictures (profile photo, stills of your portfolio items), one JPEG file each,
                named {pictureId}.jpg: the largest size kept, as re-encoded at upload (without the
                original file's metadata). profile.json and portfolio.json refer to them by these names.""";
    }

    private record StoredPicture(String pictureId, String key) {
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        // One statement: the largest size of each of the member's pictures.
        List<StoredPicture> pictures = jdbc.sql("""
                        select distinct on (picture_id) picture_id, key from media_object
                        where owner_id = :owner order by picture_id, width * height desc, bytes desc""")
                .param("owner", memberId)
                .query((rs, n) -> new StoredPicture(rs.getString("picture_id"), rs.getString("key")))
                .list();
        for (StoredPicture picture : pictures) {
            Optional<MediaStorage.StoredFile> file = storage.get(picture.key());
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream in = file.get().content()) {
                out.file(picture.pictureId() + ".jpg", in);
            }
        }
    }
}
