package com.moviepeople.portfolio;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** portfolio.json: the member's portfolio items with their stills (one statement; a portfolio is small). */
@Component
class PortfolioPersonalData implements PersonalData {

    record Item(long id, String title, String description, String mediaUrl, String mediaKind, Integer year,
                String creditRole, Long creditId, List<String> stills, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PortfolioPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "portfolio.json";
    }

    @Override
    public String description() {
        return """
                Your portfolio items, newest first: id, title, description, mediaUrl (the link you gave),
                mediaKind (YOUTUBE, VIMEO, IMAGE or LINK), year, creditRole, creditId (the credit in
                credits.json the item proves, or null), stills (files in pictures/, in their order), createdAt.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        out.json(jdbc.sql("""
                        select id, title, description, media_url, media_kind, year, credit_role, credit_id, created_at,
                               array(select 'pictures/' || s.picture_id || '.jpg' from portfolio_still s
                                     where s.item_id = portfolio_item.id order by s.id) as stills
                        from portfolio_item where owner_id = :owner order by created_at desc, id desc""")
                .param("owner", memberId)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        rs.getString("media_url"), rs.getString("media_kind"), (Integer) rs.getObject("year"),
                        rs.getString("credit_role"), (Long) rs.getObject("credit_id"),
                        Arrays.asList((String[]) rs.getArray("stills").getArray()), rs.getTimestamp("created_at").toInstant()))
                .list());
    }
}
